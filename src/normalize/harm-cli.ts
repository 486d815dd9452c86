/**
 * Do-no-harm report on clean news: normalize every article of a clean-news
 * file (default ../shared/data/clean-news/people-daily-2019.jsonl.gz) and
 * print the differences by kind, with examples. Exit code 1 when any
 * article has a destructive change.
 *
 *   npm run harm [-- FILE] [--examples N] [--ids]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from './index.js';
import { formatHarm, readCleanNews, scoreCleanNews } from './harm.js';

const args = process.argv.slice(2);
let file = join(process.cwd(), '..', 'shared', 'data', 'clean-news', 'people-daily-2019.jsonl.gz');
let examples = 5;
let ids = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--examples') examples = Number(args[++i]);
  else if (a === '--ids') ids = true;
  else file = a;
}
if (!existsSync(file)) {
  process.stderr.write(`harm: ${file}: no such file\n`);
  process.exit(2);
}
const articles = readCleanNews(file);
const rep = scoreCleanNews(articles, { normalize: (t) => normalize(t).text, examplesPerKind: examples });
console.log(formatHarm(rep));
if (ids && rep.destructiveIds.length) console.log(`destructive: ${rep.destructiveIds.join(' ')}`);
process.exit(rep.destructiveArticles > 0 ? 1 : 0);
