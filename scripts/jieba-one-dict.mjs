#!/usr/bin/env node
/**
 * Run after `npm install` / `npm ci` (package.json "postinstall").
 *
 * nodejieba's load() builds two complete segmenters per thread: the Jieba
 * object we use, and a TextRankExtractor (keyword extraction, never used
 * here) constructed from the same file paths, so it reads the whole main
 * dictionary, the user dictionaries and the HMM model a second time into a
 * trie of its own: about 60 MB per worker thread and a second parse of the
 * dictionary on every start. cppjieba has a TextRankExtractor constructor
 * that borrows the Jieba object's trie and model instead; this script makes
 * nodejieba's load() use it (one line of lib/nodejieba.cpp) and rebuilds the
 * addon from source, as its own install did. Segmentation is unchanged: the
 * Jieba object is built exactly as before (tests/segment checks tags and
 * tokens; `npx zhnews regress` shows no diff).
 *
 * Safe to run repeatedly: an already changed source is left alone. If the
 * source is not the one expected (another nodejieba version) or the rebuild
 * fails, the stock source and binary are put back and the install goes on
 * with a warning: everything works, with the second dictionary in memory.
 * ZHNEWS_STOCK_JIEBA=1 skips it.
 */
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const warn = (msg) => console.warn(`zhnews postinstall: ${msg}`);

function main() {
  if (process.env.ZHNEWS_STOCK_JIEBA === '1') return;
  let dir;
  try {
    dir = dirname(require.resolve('nodejieba/package.json'));
  } catch {
    return; // not installed (yet): nothing to change
  }
  const src = join(dir, 'lib', 'nodejieba.cpp');
  const binary = join(dir, 'build', 'Release', 'nodejieba.node');
  if (!existsSync(src) || !existsSync(binary)) {
    warn(`nodejieba's source or binary not found under ${dir}; left as installed`);
    return;
  }
  const before = readFileSync(src, 'utf8');
  const shared = 'new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath)';
  if (before.includes(shared)) return; // done on an earlier install
  const stock = /new\s+cppjieba\s*::\s*TextRankExtractor\s*\(\s*dictPath\s*,\s*modelPath\s*,\s*stopWordsPath\s*,\s*userDictPath\s*\)/u;
  const matches = before.match(new RegExp(stock.source, 'gu')) ?? [];
  if (matches.length !== 1) {
    warn(`${src} is not the source this script knows (TextRankExtractor construction found ${matches.length} times); nodejieba left as installed (one dictionary more per thread)`);
    return;
  }
  const backup = `${binary}.stock`;
  copyFileSync(binary, backup);
  writeFileSync(src, before.replace(stock, shared));
  const preGyp = require.resolve('@mapbox/node-pre-gyp/bin/node-pre-gyp');
  console.log('zhnews postinstall: rebuilding nodejieba so that its keyword extractor shares the segmenter\'s dictionary (one dictionary per thread, not two)');
  const r = spawnSync(process.execPath, [preGyp, 'rebuild'], { cwd: dir, stdio: 'inherit' });
  const ok = r.status === 0 && existsSync(binary) && loads(dir);
  if (!ok) {
    writeFileSync(src, before);
    copyFileSync(backup, binary);
    warn('rebuilding nodejieba failed; the stock source and binary are back (everything works, with one dictionary more per thread)');
  }
  rmSync(backup, { force: true });
}

/** The rebuilt addon loads and segments in a fresh process. */
function loads(dir) {
  const probe = `const j = require(${JSON.stringify(dir)}); j.load(); const w = j.cut('南京市长江大桥', true); if (w.join('') !== '南京市长江大桥') process.exit(1);`;
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'inherit' }).status === 0;
}

main();
