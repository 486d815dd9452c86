#!/usr/bin/env node
// Write README.md for every rule folder that lacks one: its purpose, what it
// reads and emits (from the rule's meta), and a real example: the first
// record the rule makes on the bundled corpus, with its sentence. Run after
// `npm run build`; review and edit what it writes — it never overwrites a README.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { allRules } = await import(join(root, 'dist/extract/registry.js'));
const { processText } = await import(join(root, 'dist/index.js'));

const examples = new Map();
for (const f of readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort()) {
  const doc = processText(readFileSync(join(root, 'corpus', f), 'utf8'), { id: f });
  const text = doc.norm.text;
  const sentenceOf = (s, e) => {
    const sen = doc.structure.sentences.find((x) => x.start <= s && e <= x.end);
    return sen ? text.slice(sen.start, sen.end) : text.slice(Math.max(0, s - 20), Math.min(text.length, e + 20));
  };
  const ex = doc.extractions;
  const add = (rule, label, s, e, extra) => {
    if (!examples.has(rule)) examples.set(rule, { label, span: text.slice(s, e), sentence: sentenceOf(s, e), extra, file: f });
  };
  for (const m of ex.mentions) add(m.rule, `mention:${m.type}`, m.start, m.end);
  for (const x of ex.figures) add(x.rule, `figure:${x.kind}`, x.start, x.end, x.value !== null ? `value ${x.value}${x.unit ? ' ' + x.unit : ''}` : undefined);
  for (const q of ex.quotes) add(q.rule, 'quote', q.start, q.end, q.speaker ? `speaker ${q.speaker}` : undefined);
  for (const r of ex.relations) add(r.rule, `relation:${r.type}`, r.start, r.end, `${ex.mentions[r.head]?.norm} | ${r.label ?? ''} | ${ex.mentions[r.tail]?.norm}`);
}

const EMITS = {
  mention: 'entity mentions (PERSON, ORG, LOC, POLICY, PRODUCT, EVENT), combined with the other mention rules by the pipeline\'s mention overlap policy',
  figure: 'figures (a number with its kind, value, unit and qualifier), combined by the figure overlap policy and attributed by the `attribution` step',
  quote: 'quotes with their speaker and speech verb, combined by the quote policy',
  relation: 'relations between kept mentions (it reads the mentions the mention policy kept)',
};
let written = 0;
for (const r of allRules()) {
  const file = join(root, 'src/extract/rules', r.id, 'README.md');
  if (existsSync(file)) continue;
  const e = examples.get(r.id);
  const needs = r.needs.length ? r.needs.map((n) => '`' + n + '`').join(', ') : 'the normalized text only';
  const example = e
    ? `On the corpus (\`corpus/${e.file}\`), in\n\n> ${e.sentence.replace(/\n/g, ' ')}\n\nit emits \`${e.label}\` **${e.span}**${e.extra ? ` (${e.extra})` : ''}.`
    : 'It makes no record on the bundled corpus; see the cases in `rule.test.ts`.';
  writeFileSync(
    file,
    `# ${r.id} (v${r.version})\n\n${r.purpose}.\n\n- **Emits:** ${EMITS[r.emits]}.\n- **Reads:** ${needs}.\n- **Cases:** \`rule.test.ts\` beside this file (the shared tester: \`valid\` texts emit nothing, \`invalid\` cases list every record exactly).\n\n## Example\n\n${example}\n`,
  );
  written++;
}
console.log(`rule-readmes: wrote ${written} README.md file(s)`);
