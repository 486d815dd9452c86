/**
 * The sorted, explicit registry of every rule pack. A meta test checks that
 * every folder under src/extract/rules/ is registered here and vice versa.
 */
import type { Rule } from './rule.js';
import { figureRules } from './packs/figures.js';
import { mentionRules, quoteRules, relationRules } from './packs/entities.js';

export function allRules(): Rule[] {
  const rules: Rule[] = [...figureRules, ...mentionRules, ...quoteRules, ...relationRules];
  return rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
