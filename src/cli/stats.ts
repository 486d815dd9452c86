import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { openDb } from '../store/db.js';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('counts of what the database holds, by table and type')
    .option('--db <file>', 'SQLite database', 'data/news.db')
    .option('--json', 'one JSON object')
    .action((opts: { db: string; json?: boolean }) => {
      if (!existsSync(opts.db)) {
        process.stderr.write(`zhnews: ${opts.db}: no such database (run \`zhnews run\` first)\n`);
        process.exitCode = 2;
        return;
      }
      const db = openDb(opts.db, { readonly: true });
      try {
        const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
        const stats = {
          documents: n('SELECT count(*) n FROM documents'),
          articles: n('SELECT count(*) n FROM articles'),
          sentences: n('SELECT count(*) n FROM sentences'),
          tokens: n('SELECT coalesce(sum(tokens), 0) n FROM documents'),
          entities: n('SELECT count(*) n FROM entities'),
          mentions: n('SELECT count(*) n FROM mentions'),
          figures: n('SELECT count(*) n FROM figures'),
          quotes: n('SELECT count(*) n FROM quotes'),
          relations: n('SELECT count(*) n FROM relations'),
          repairs: n('SELECT count(*) n FROM repairs'),
          errors: n('SELECT count(*) n FROM errors'),
          runs: n('SELECT count(*) n FROM runs'),
          mentionsByType: Object.fromEntries((db.prepare('SELECT type, count(*) n FROM mentions GROUP BY type ORDER BY type').all() as Array<{ type: string; n: number }>).map((r) => [r.type, r.n])),
          figuresByKind: Object.fromEntries((db.prepare('SELECT kind, count(*) n FROM figures GROUP BY kind ORDER BY kind').all() as Array<{ kind: string; n: number }>).map((r) => [r.kind, r.n])),
          repairsByKind: Object.fromEntries((db.prepare('SELECT kind, count(*) n FROM repairs GROUP BY kind ORDER BY kind').all() as Array<{ kind: string; n: number }>).map((r) => [r.kind, r.n])),
        };
        if (opts.json) process.stdout.write(JSON.stringify(stats) + '\n');
        else for (const [k, v] of Object.entries(stats)) process.stdout.write(`${k.padEnd(16)} ${typeof v === 'object' ? JSON.stringify(v) : v}\n`);
      } finally {
        db.close();
      }
    });
}
