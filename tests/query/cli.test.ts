/** The query commands through commander: option names, parsers and exit codes as a user types them. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command, CommanderError } from 'commander';
import { registerQuery } from '../../src/cli/query.js';
import { makeDb } from './fixture.js';

let file: string;
beforeAll(() => {
  file = makeDb();
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function zh(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command().name('zhnews').exitOverride();
  registerQuery(program);
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  let code: number;
  try {
    await program.parseAsync(['node', 'zhnews', ...args]);
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.exitCode === 0 ? 0 : 2;
  } finally {
    vi.restoreAllMocks();
  }
  return { code, out, err };
}

describe('zhnews query … (commander)', () => {
  it('entities --min-mentions --sort name --json', async () => {
    const r = await zh('query', 'entities', '--db', file, '--min-mentions', '2', '--sort', 'name', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Array<{ name: string }>).map((x) => x.name)).toEqual(['刘卫华', '北京经济技术开发区']);
  });
  it('figures --kind money --min 1e9 --csv', async () => {
    const r = await zh('query', 'figures', '--db', file, '--kind', 'money', '--min', '1e9', '--csv');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\r\n')).toHaveLength(3);
  });
  it('mentions NAME --context 4 --jsonl', async () => {
    const r = await zh('query', 'mentions', '北京经开区', '--db', file, '--context', '4', '--jsonl');
    expect(r.out.trim().split('\n')).toHaveLength(3);
  });
  it('quotes --speaker and people', async () => {
    expect(JSON.parse((await zh('query', 'quotes', '--db', file, '--speaker', '刘卫华', '--json')).out)).toHaveLength(1);
    expect((await zh('query', 'people', '--db', file)).out).toContain('副主任');
  });
  it('search', async () => {
    const r = await zh('search', '产业集群', '--db', file, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).length).toBeGreaterThan(0);
  });
  it('search first indexes documents an interrupted run left out of the full-text index', async () => {
    const pending = makeDb(undefined, { index: false });
    const r = await zh('search', '产业集群', '--db', pending, '--json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual(JSON.parse((await zh('search', '产业集群', '--db', file, '--json')).out));
  });
  it('bad option values and a missing database are usage errors (2)', async () => {
    expect((await zh('query', 'figures', '--db', file, '--min', 'abc')).code).toBe(2);
    expect((await zh('query', 'entities', '--db', file, '--sort', 'size')).code).toBe(2);
    expect((await zh('query', 'entities', '--db', file, '--limit', '-1')).code).toBe(2);
    const r = await zh('query', 'people', '--db', '/no/such.db');
    expect(r.code).toBe(2);
    expect(r.err).toBe('zhnews query people: database not found: /no/such.db (create it with `npm start` or pass --db FILE)\n');
    expect((await zh('search', 'x', '--db', '/no/such.db')).code).toBe(2);
  });
});
