/**
 * Rules are units: every entity-*, quote-* and relation-* folder has rule.ts
 * and rule.test.ts, its id equals the folder name, and it is registered in
 * the entities pack, each registry sorted by id.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionRules, quoteRules, relationRules } from '../../src/extract/packs/entities.js';
import { ROOT } from './score.js';

const RULES = join(ROOT, 'src/extract/rules');
const folders = (prefix: string): string[] => readdirSync(RULES).filter((d) => d.startsWith(prefix)).sort();

describe('entity rules are units', () => {
  for (const [prefix, list, emits] of [
    ['entity-', mentionRules, 'mention'],
    ['quote-', quoteRules, 'quote'],
    ['relation-', relationRules, 'relation'],
  ] as const) {
    it(`${prefix}* folders have rule.ts + rule.test.ts and are registered, sorted`, () => {
      for (const d of folders(prefix)) {
        expect(existsSync(join(RULES, d, 'rule.ts')), d).toBe(true);
        expect(existsSync(join(RULES, d, 'rule.test.ts')), d).toBe(true);
      }
      const ids = list.map((r) => r.id);
      expect(ids).toEqual(folders(prefix));
      expect([...ids].sort()).toEqual(ids);
      for (const r of list) {
        expect(r.emits).toBe(emits);
        expect(Number.isInteger(r.version)).toBe(true);
        expect(r.purpose.length).toBeGreaterThan(0);
      }
    });
  }
});
