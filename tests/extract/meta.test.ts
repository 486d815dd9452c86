/**
 * Rules are units (ESLint's lesson): every folder under src/extract/rules/ is
 * a registered rule whose id is the folder name, with its cases (rule.test.ts,
 * through the one shared tester) and a README.md that names it and says what
 * it is for; the registry is sorted and holds nothing else. Fails on a rule
 * without cases, README or registry entry.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/extract/registry.js';
import { runHits } from '../../src/extract/runner.js';
import { defaultContext as contextFor } from '../../src/pipeline/context.js';
import { normalize } from '../../src/normalize/index.js';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

const RULES = join(import.meta.dirname, '../../src/extract/rules');
const folders = readdirSync(RULES).filter((d) => statSync(join(RULES, d)).isDirectory()).sort();

describe('rules are units', () => {
  const rules = allRules();

  it('the family testers are built on the one shared tester', () => {
    for (const f of ['entities/tester.ts', 'figures/tester.ts']) {
      expect(readFileSync(join(RULES, '..', f), 'utf8'), f).toMatch(/import \{[^}]*testRule[^}]*\} from '\.\.\/tester\.js'/u);
    }
  });

  it('the registry holds exactly the rule folders, sorted by id', () => {
    expect(rules.map((r) => r.id)).toEqual(folders);
  });

  it('no rule mutates its input: all of them run on a deep-frozen real document', () => {
    // ESM is strict: writing to a frozen token, sentence or block throws
    const text = normalize(readFileSync(join(RULES, '../../../corpus/004_6c4083fd503699c9.txt'), 'utf8')).text;
    const ctx = deepFreeze(contextFor(text, '2024-03-05'));
    expect(ctx.tokens.length).toBeGreaterThan(1000);
    const hits = runHits(ctx, new Set(rules.map((r) => r.id)));
    expect(hits.mentions.length + hits.figures.length).toBeGreaterThan(100);
  });

  for (const id of folders) {
    it(`${id}: rule.ts, cases through the shared tester, a README naming it`, () => {
      const dir = join(RULES, id);
      expect(existsSync(join(dir, 'rule.ts')), `${id}/rule.ts`).toBe(true);
      expect(existsSync(join(dir, 'rule.test.ts')), `${id}/rule.test.ts`).toBe(true);
      const test = readFileSync(join(dir, 'rule.test.ts'), 'utf8');
      // the shared tester, directly or through its family's shorthand (entities/tester.ts, figures/tester.ts, both built on it)
      expect(test, `${id}/rule.test.ts uses the shared tester`).toMatch(/from '\.\.\/\.\.\/(?:entities\/|figures\/)?tester\.js'/u);
      expect(existsSync(join(dir, 'README.md')), `${id}/README.md`).toBe(true);
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      const rule = rules.find((r) => r.id === id)!;
      expect(readme.startsWith(`# ${id}`), `${id}/README.md starts with its id`).toBe(true);
      expect(readme, `${id}/README.md gives an example`).toMatch(/example/iu);
      expect(Number.isInteger(rule.version) && rule.version >= 1).toBe(true);
      expect(rule.purpose.trim().length).toBeGreaterThan(10);
    });
  }
});
