/**
 * zhnews as a library, as a user gets it: `npm pack`, the tarball unpacked
 * into a fresh project's node_modules (its dependencies linked from ours, so
 * the test does not rebuild native addons), then `import … from 'zhnews'`
 * runs a document through every stage into a database and back out, and a
 * TypeScript consumer type-checks against the shipped declarations.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

/** A command's stdout; asynchronous, so a slow command never blocks the test worker's event loop. */
async function sh(cmd: string, args: string[], cwd: string): Promise<string> {
  return (await promisify(execFile)(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
}

describe('the packed library', () => {
  const work = tempDir('zhnews-pack-');
  const app = join(work, 'app');
  const nm = join(app, 'node_modules');
  let tarball = '';
  beforeAll(async () => {
    tarball = (await sh('npm', ['pack', '--silent', '--pack-destination', work], ROOT)).trim().split('\n').pop()!;
    mkdirSync(join(nm, 'zhnews'), { recursive: true });
    await sh('tar', ['-xzf', join(work, tarball), '-C', join(nm, 'zhnews'), '--strip-components=1'], work);
    for (const dep of readdirSync(join(ROOT, 'node_modules'))) {
      if (dep === 'zhnews' || dep.startsWith('.')) continue;
      symlinkSync(join(ROOT, 'node_modules', dep), join(nm, dep));
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  });

  it('ships the build, the pipelines and the migrations, and no sources or tests', async () => {
    const files = (await sh('tar', ['-tzf', join(work, tarball)], work)).split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/dist/store/migrations/001_init.sql');
    expect(files).toContain('package/pipelines/default.yaml');
    expect(files.some((f) => f.startsWith('package/src/'))).toBe(false);
    expect(files.some((f) => f.endsWith('.test.js'))).toBe(false);
  });

  it('imports by name and runs a document through every stage into a database', async () => {
    writeFileSync(
      join(app, 'main.mjs'),
      `import { processText, openDatabase, storeDocument, queryFigures, queryEntities, extract } from 'zhnews';
const doc = processText('今年前7个月，天津市南开区固定资产投资同比增长36.8%。', { id: 'a', date: '2024-09-05' });
const db = openDatabase('news.db');
const stored = storeDocument(db, doc);
const rec = extract('国家统计局发布数据。', { id: 'b' });
console.log(JSON.stringify({
  figures: doc.extractions.figures.map((f) => [f.kind, f.text, f.rule]),
  stored: stored.unchanged,
  queried: queryFigures(db, { kind: 'percent' }).map((r) => r.text),
  entities: queryEntities(db, {}).map((e) => e.name),
  record: Object.keys(rec).sort(),
}));
`,
    );
    const out = JSON.parse(await sh(process.execPath, ['main.mjs'], app)) as Record<string, unknown>;
    expect(out.figures).toContainEqual(['percent', '36.8%', 'figure-percent']);
    expect(out.stored).toBe(false);
    expect(out.queried).toEqual(['36.8%']);
    expect(out.entities).toContain('天津市南开区');
    expect(out.record).toEqual(expect.arrayContaining(['entities', 'figures', 'id', 'normalized', 'quotes', 'relations']));
  });

  it('type-checks a TypeScript consumer against the shipped declarations', async () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { processText, type Figure, type ProcessedDoc, type Mention } from 'zhnews';
const doc: ProcessedDoc = processText('北京市发布通知。');
const figures: Figure[] = doc.extractions.figures;
const first: Mention | undefined = doc.extractions.mentions[0];
const rule: string | undefined = first?.rule;
export { figures, rule };
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: true, types: ['node'] }, files: ['consumer.ts'] }),
    );
    await sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    // and a wrong use is a type error
    writeFileSync(join(app, 'consumer.ts'), `import { processText } from 'zhnews';\nconst n: number = processText('x').extractions;\nexport { n };\n`);
    const wrong = await sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app).then(
      () => null,
      (err: { code?: number; stdout?: string }) => err,
    );
    expect(wrong?.code).not.toBe(0);
    expect(wrong?.stdout).toMatch(/TS2322/);
  });
});
