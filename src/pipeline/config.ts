/**
 * Pipeline configuration: pipelines/<name>.yaml (or .json), validated with zod.
 * A pipeline's hash covers its settings, the contents of its dictionaries,
 * the code version and every rule id@version it runs, so a changed pipeline
 * re-processes exactly the documents it must.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve, basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { globSync } from 'tinyglobby';
import { z } from 'zod';
import { NewsError } from '../core/errors.js';
import { PASSES, DEFAULT_PASSES } from '../normalize/index.js';
import { allRules } from '../extract/registry.js';
import { DEFAULT_OVERLAP, FIGURE_POLICIES, FIGURE_STEPS, MENTION_POLICIES, MENTION_STEPS, QUOTE_POLICIES } from '../extract/policies.js';
import type { SegmenterSpec } from '../segment/index.js';
import { codeDigest } from './code-hash.js';
import { ALIASES_URL } from '../resolve/index.js';
import { DEFAULT_NER_MODEL } from '../model/io.js';
import { DEFAULT_LEXICON, readList, type LexiconDirs } from '../core/lists.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_PIPELINE = resolve(REPO_ROOT, 'pipelines/default.yaml');

const PassEnum = z.enum(PASSES);

export const PipelineSchema = z
  .object({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    normalize: z
      .object({
        passes: z.array(PassEnum).min(1).optional(),
        t2s: z.boolean().default(false),
      })
      .strict()
      .default({ t2s: false }),
    segment: z
      .object({
        /**
         * jieba's base dictionary without its rare common words (see
         * src/segment/base-dict.ts); omitted: jieba's dictionary whole
         */
        base: z
          .object({
            minFreq: z.number().int().min(0),
            keepTags: z.array(z.string().min(1)).default([]),
            /** word lists (files or globs, relative to the pipeline file) whose words are kept */
            keep: z.array(z.string().min(1)).default([]),
          })
          .strict()
          .optional(),
        dictionaries: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ dictionaries: [] }),
    extract: z
      .object({
        /** rule ids to run, or ["*"] for every registered rule */
        rules: z.array(z.string().min(1)).min(1).default(['*']),
        /** the named overlap policy and steps of each family (src/extract/policies.ts) */
        overlap: z
          .object({
            mention: z.enum(Object.keys(MENTION_POLICIES) as [string, ...string[]]).default(DEFAULT_OVERLAP.mention),
            mentionSteps: z.array(z.enum(Object.keys(MENTION_STEPS) as [string, ...string[]])).default(DEFAULT_OVERLAP.mentionSteps),
            quote: z.enum(Object.keys(QUOTE_POLICIES) as [string, ...string[]]).default(DEFAULT_OVERLAP.quote),
            figure: z.enum(Object.keys(FIGURE_POLICIES) as [string, ...string[]]).default(DEFAULT_OVERLAP.figure),
            figureSteps: z.array(z.enum(Object.keys(FIGURE_STEPS) as [string, ...string[]])).default(DEFAULT_OVERLAP.figureSteps),
          })
          .strict()
          .default(DEFAULT_OVERLAP),
      })
      .strict()
      .default({ rules: ['*'], overlap: DEFAULT_OVERLAP }),
    /**
     * the folders of data the rules read, relative to the pipeline file
     * (src/core/lists.ts); each one left out is the package's own
     */
    lexicon: z
      .object({
        lists: z.string().min(1).optional(),
        gazetteer: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    /** trained models by name, files relative to the pipeline file */
    models: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/u), z.string().min(1)).default({}),
    database: z.string().min(1).default('data/news.db'),
  })
  .strict();

export type PipelineConfig = z.infer<typeof PipelineSchema>;

export interface Pipeline {
  name: string;
  file: string;
  config: PipelineConfig;
  /** absolute dictionary paths */
  dictionaries: string[];
  /** what jieba loads: the user dictionaries and the base dictionary's derivation */
  segmenter: SegmenterSpec;
  /** ids of the rules this pipeline runs, sorted */
  rules: string[];
  /** absolute folders of the word lists and gazetteers */
  lexicon: LexiconDirs;
  /** absolute model files by name */
  models: Record<string, string>;
  hash: string;
}

function formatZodError(file: string, err: z.ZodError): string {
  const first = err.issues[0]!;
  const where = first.path.length ? first.path.join('.') : '(top level)';
  const more = err.issues.length > 1 ? ` (and ${err.issues.length - 1} more problem(s))` : '';
  return `invalid pipeline: field "${where}": ${first.message}${more}`;
}

export function loadPipeline(file = DEFAULT_PIPELINE): Pipeline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NewsError('E_PIPELINE', file, 'pipeline file not found or unreadable');
  }
  let data: unknown;
  try {
    data = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new NewsError('E_PIPELINE', file, `not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = PipelineSchema.safeParse(data ?? {});
  if (!parsed.success) throw new NewsError('E_PIPELINE', file, formatZodError(file, parsed.error));
  const config = parsed.data;
  const base = dirname(resolve(file));
  const files = (field: string, noun: string, patterns: readonly string[]): { paths: string[]; contents: string[] } => {
    const paths: string[] = [];
    for (const d of patterns) {
      const abs = isAbsolute(d) ? d : resolve(base, d);
      if (/[*?[\]{}]/.test(d)) {
        const found = globSync(d, { cwd: base, absolute: true, onlyFiles: true }).sort();
        if (found.length === 0) throw new NewsError('E_PIPELINE', file, `field "${field}": no ${noun} matches ${d}`);
        paths.push(...found);
      } else paths.push(abs);
    }
    const contents = paths.map((d) => {
      try {
        return readFileSync(d, 'utf8');
      } catch {
        throw new NewsError('E_PIPELINE', file, `field "${field}": ${noun} not found: ${d}`);
      }
    });
    return { paths, contents };
  };
  const { paths: dictionaries, contents: dictContents } = files('segment.dictionaries', 'dictionary', config.segment.dictionaries);
  const baseCfg = config.segment.base;
  const keep = files('segment.base.keep', 'word list', baseCfg?.keep ?? []);
  const segmenter: SegmenterSpec = {
    userDicts: dictionaries,
    base: baseCfg ? { minFreq: baseCfg.minFreq, keepTags: baseCfg.keepTags, keepFiles: keep.paths } : undefined,
  };
  const registered = allRules();
  const known = new Map(registered.map((r) => [r.id, r]));
  let rules: string[];
  if (config.extract.rules.includes('*')) rules = [...known.keys()];
  else {
    for (const id of config.extract.rules) {
      if (!known.has(id)) throw new NewsError('E_PIPELINE', file, `field "extract.rules": unknown rule "${id}" (known: ${[...known.keys()].join(', ')})`);
    }
    rules = [...new Set(config.extract.rules)];
  }
  rules.sort();
  const h = createHash('sha256');
  h.update(JSON.stringify({ code: codeDigest(), config: { ...config, database: undefined }, passes: config.normalize.passes ?? DEFAULT_PASSES }));
  for (const c of dictContents) h.update('\0dict\0').update(c);
  for (const c of keep.contents) h.update('\0keep\0').update(c);
  const lexicon: LexiconDirs = {
    models: {},
    lists: config.lexicon.lists ? resolve(base, config.lexicon.lists) : DEFAULT_LEXICON.lists,
    gazetteer: config.lexicon.gazetteer ? resolve(base, config.lexicon.gazetteer) : DEFAULT_LEXICON.gazetteer,
  };
  for (const [field, dir] of [['lexicon.lists', lexicon.lists], ['lexicon.gazetteer', lexicon.gazetteer]] as const) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new NewsError('E_PIPELINE', file, `field "${field}": no folder ${dir}`);
  }
  for (const f of globSync('*.txt', { cwd: lexicon.lists, absolute: true, onlyFiles: true })) {
    const first = readFileSync(f, 'utf8').split('\n', 1)[0] ?? '';
    if (!first.startsWith('#')) throw new NewsError('E_PIPELINE', file, `field "lexicon.lists": ${basename(f)} must start with a # comment saying what the list is for`);
    if (readList(f).length === 0) throw new NewsError('E_PIPELINE', file, `field "lexicon.lists": ${basename(f)} is empty`);
  }
  // the package's own models unless the pipeline names others
  const models: Record<string, string> = { ner: DEFAULT_NER_MODEL };
  for (const [name, m] of Object.entries(config.models)) {
    models[name] = resolve(base, m);
    if (!existsSync(models[name])) throw new NewsError('E_PIPELINE', file, `field "models.${name}": model file not found: ${models[name]}`);
  }
  lexicon.models = models;
  for (const f of dataFiles(lexicon, Object.values(models), fileURLToPath(ALIASES_URL))) h.update(`\0data\0${basename(f)}\0`).update(readFileSync(f));
  for (const id of rules) h.update(`\0rule\0${id}@${known.get(id)!.version}`);
  return {
    name: config.name ?? basename(file, extname(file)),
    file: resolve(file),
    config,
    dictionaries,
    segmenter,
    rules,
    lexicon,
    models,
    hash: h.digest('hex').slice(0, 16),
  };
}

/**
 * The data files the rules read: word lists, gazetteers, trained models, the
 * alias table. Their contents enter the pipeline hash.
 */
export function dataFiles(lexicon: LexiconDirs, models: readonly string[], aliases: string): string[] {
  const files = [
    ...globSync('**/*', { cwd: lexicon.lists, absolute: true, onlyFiles: true }),
    ...globSync('**/*', { cwd: lexicon.gazetteer, absolute: true, onlyFiles: true }),
    ...models,
  ];
  if (existsSync(aliases)) files.push(aliases);
  return [...new Set(files)].sort();
}
