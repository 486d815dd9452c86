/**
 * The report in a real headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core): it renders, the highlights are there, a click in the
 * sidebar scrolls the text to the span, a <script> in a document is shown and
 * not run, nothing is fetched. Leaves tests/artifacts/report.png.
 * Without Chromium the test fails when CI=true and is skipped otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { renderReport } from '../../src/report/html.js';
import { reportDataFromDb, reportDataFromProcessed } from '../../src/report/data.js';
import { findDocument, openQueryDb } from '../../src/query/index.js';
import { makeDb, SPEC_B } from '../query/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'tests/artifacts');
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const present = existsSync(CHROMIUM);
const CORPUS_DOC = join(ROOT, 'corpus/000_df42f2bb45961d64.txt');

if (!present && process.env.CI === 'true') {
  it('needs Chromium', () => {
    throw new Error(`report browser test: ${CHROMIUM} not found; install Debian's chromium (apt-get install chromium) — required when CI=true`);
  });
}

describe.skipIf(!present)('report in headless Chromium', () => {
  let context: BrowserContext;
  let userDataDir: string;
  let dir: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    userDataDir = mkdtempSync(join(tmpdir(), 'zhnews-chromium-'));
    dir = mkdtempSync(join(tmpdir(), 'zhnews-report-html-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1400, height: 900 },
    });
    context.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string): Promise<Page> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  it('renders a corpus document with highlights; a sidebar click scrolls to the span', async () => {
    const { loadPipeline } = await import('../../src/pipeline/config.js');
    const { processDocument } = await import('../../src/pipeline/process.js');
    const { readDocument } = await import('../../src/ingest/index.js');
    const p = processDocument(await readDocument(CORPUS_DOC), await loadPipeline());
    const data = reportDataFromProcessed(p);
    const page = await open('corpus.html', renderReport(data));

    // our own script ran (allowed by its hash), the texts and highlights are there
    expect(await page.evaluate(() => typeof (window as unknown as { zhnewsGo?: unknown }).zhnewsGo)).toBe('function');
    expect((await page.locator('#norm').innerText()).length).toBeGreaterThan(500);
    const highlighted = await page.locator('#norm .s').count();
    expect(highlighted).toBeGreaterThan(50);
    expect(await page.locator('nav button[data-go]').count()).toBe(data.items.length + data.repairs.length);
    expect(await page.locator('#raw .s.rep').count()).toBeGreaterThan(0);

    // the last figure in the text, far down: out of view before, in view after the click
    const last = [...data.items].filter((i) => i.group === 'figure').sort((a, b) => b.start - a.start)[0]!;
    const seg = page.locator(`#norm [data-ids~="${last.id}"]`).first();
    const pane = page.locator('#norm-pane');
    const inPane = async () => {
      const [s, b] = await Promise.all([seg.boundingBox(), pane.boundingBox()]);
      return s !== null && b !== null && s.y >= b.y && s.y + s.height <= b.y + b.height;
    };
    expect(await inPane()).toBe(false);
    expect(await pane.evaluate((e) => e.scrollTop)).toBe(0);
    await page.locator(`nav button[data-go="${last.id}"]`).click();
    expect(await pane.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
    expect(await inPane()).toBe(true);
    expect(await seg.evaluate((e) => e.classList.contains('flash'))).toBe(true);
    expect((await seg.innerText()).length).toBeGreaterThan(0);
    expect(last.text).toContain(await seg.innerText());
    // hover shows rule, value and offsets
    const title = (await seg.getAttribute('title')) ?? '';
    expect(title).toContain(`rule ${last.rule}`);
    expect(title).toContain(`normalized [${last.start}, ${last.end})`);
    // the raw pane followed to the same extraction
    const rawSeg = page.locator(`#raw [data-ids~="${last.id}"]`).first();
    const [rs, rp] = await Promise.all([rawSeg.boundingBox(), page.locator('#raw-pane').boundingBox()]);
    expect(rs!.y).toBeGreaterThanOrEqual(rp!.y);
    expect(rs!.y + rs!.height).toBeLessThanOrEqual(rp!.y + rp!.height);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png') });
    await page.close();
  });

  it('shows a <script> in a document and runs nothing', async () => {
    const db = openQueryDb(makeDb([SPEC_B]));
    const data = reportDataFromDb(db, findDocument(db, 'doc-b')!.id);
    db.close();
    const page = await open('script.html', renderReport(data));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#raw').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('#norm').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('script').count()).toBe(1);
    await page.close();
  });

  it('fetched nothing and logged no errors', () => {
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });
});
