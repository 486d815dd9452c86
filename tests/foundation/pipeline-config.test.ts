import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { copyFileSync, mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { loadPipeline, DEFAULT_PIPELINE } from '../../src/pipeline/config.js';
import { tempDir, ROOT } from './helpers.js';

function pipelineIn(dir: string, body: string): string {
  mkdirSync(join(dir, 'dict'), { recursive: true });
  copyFileSync(join(ROOT, 'pipelines/dict/news.dict.txt'), join(dir, 'dict/news.dict.txt'));
  const file = join(dir, 'p.yaml');
  writeFileSync(file, body);
  return file;
}

describe('pipeline config', () => {
  it('loads the default pipeline with its dictionaries and every rule', () => {
    const p = loadPipeline(DEFAULT_PIPELINE);
    expect(p.name).toBe('default');
    expect(p.dictionaries.length).toBeGreaterThanOrEqual(2);
    expect(p.rules).toContain('figure-percent');
    expect(p.rules.some((r) => r.startsWith('entity-'))).toBe(true);
    expect(p.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('hashes what changes results and nothing else', () => {
    const dir = tempDir();
    const body = 'name: p\nsegment:\n  dictionaries: [dict/news.dict.txt]\ndatabase: a.db\n';
    const file = pipelineIn(dir, body);
    const h0 = loadPipeline(file).hash;
    writeFileSync(file, body.replace('a.db', 'b.db'));
    expect(loadPipeline(file).hash).toBe(h0); // where results go does not change them
    appendFileSync(join(dir, 'dict/news.dict.txt'), '天开高教科创园 20 ns\n');
    const h1 = loadPipeline(file).hash;
    expect(h1).not.toBe(h0); // a dictionary edit changes segmentation
    writeFileSync(file, body + 'extract:\n  rules: [figure-percent]\n');
    const sub = loadPipeline(file);
    expect(sub.rules).toEqual(['figure-percent']);
    expect(sub.hash).not.toBe(h1);
    writeFileSync(file, body + 'normalize:\n  t2s: true\n');
    expect(loadPipeline(file).hash).not.toBe(h1);
  });

  it('names the file and the field for every configuration error', () => {
    const dir = tempDir();
    const file = pipelineIn(dir, 'extract:\n  rules: [figure-nonsense]\n');
    expect(() => loadPipeline(file)).toThrow(/p\.yaml: field "extract\.rules": unknown rule "figure-nonsense"/);
    writeFileSync(file, 'segment:\n  dictionaries: [dict/missing.txt]\n');
    expect(() => loadPipeline(file)).toThrow(/p\.yaml: field "segment\.dictionaries": dictionary not found/);
    writeFileSync(file, 'segment:\n  dictionaries: [dict/*.nope]\n');
    expect(() => loadPipeline(file)).toThrow(/no dictionary matches dict\/\*\.nope/);
    writeFileSync(file, 'segment:\n  base: { minFreq: -1 }\n');
    expect(() => loadPipeline(file)).toThrow(/p\.yaml: .*field "segment\.base\.minFreq"/);
    writeFileSync(file, 'segment:\n  base: { minFreq: 4, keep: [lists/*.txt] }\n');
    expect(() => loadPipeline(file)).toThrow(/p\.yaml: field "segment\.base\.keep": no word list matches lists\/\*\.txt/);
    writeFileSync(file, 'normalize: [1, 2\n');
    expect(() => loadPipeline(file)).toThrow(/p\.yaml: not valid YAML/);
    writeFileSync(file, 'normalize:\n  t2s: "yes"\n');
    expect(() => loadPipeline(file)).toThrow(/p\.yaml: invalid pipeline: field "normalize\.t2s"/);
  });
});
