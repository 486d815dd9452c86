import { PassThrough, Readable } from 'node:stream';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { lineColumn, registerNormalize, runNormalize, type Io } from '../../src/cli/normalize.js';
import { CORPUS, goldText } from './helpers.js';

function io(stdin = ''): Io & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c: Buffer) => (o += c.toString()));
  stderr.on('data', (c: Buffer) => (e += c.toString()));
  return { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, out: () => o, err: () => e };
}

describe('cli: normalize', () => {
  it('prints the normalized text of a file', async () => {
    const t = io();
    const code = await runNormalize(join(CORPUS, '003_68ba46f9a76749d4.txt'), {}, t);
    expect(code).toBe(0);
    expect(t.out()).toBe(goldText('003_68ba46f9a76749d4') + '\n');
  });
  it('reads stdin with - or no file', async () => {
    const t = io('今年前 7 个月,增长 36.8%');
    expect(await runNormalize('-', {}, t)).toBe(0);
    expect(t.out()).toBe('今年前7个月，增长36.8%\n');
  });
  it('--diff lists repairs with raw line:column', async () => {
    const t = io('标题\n\n 今年 7 月,');
    expect(await runNormalize(undefined, { diff: true }, t)).toBe(0);
    const lines = t.out().trim().split('\n');
    expect(lines).toContain('3:1\tartifacts/g\t  → ');
    expect(lines).toContain('3:4\tspacing/s\t  → ');
    expect(lines).toContain('3:8\tpunctuation/f\t, → ，');
  });
  it('--jsonl: one object per line in order, bad lines get an error and the stream goes on', async () => {
    const input = ['{"id":"a","raw":"今年 7 月"}', 'not json', '{"raw":"北 京"}', '{"id":3,"raw":5}', ''].join('\n');
    const t = io(input);
    expect(await runNormalize(undefined, { jsonl: true }, t)).toBe(0);
    const rows = t.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ id: 'a', normalized: '今年7月' });
    expect(rows[1].error).toMatch(/^line 2: /);
    expect(rows[2]).toEqual({ normalized: '北京' });
    expect(rows[3].id).toBe(3);
    expect(rows[3].error).toMatch(/raw/);
  });
  it('errors: unreadable file exits 1 naming the file; usage errors exit 2', async () => {
    let t = io();
    expect(await runNormalize('/no/such/file.txt', {}, t)).toBe(1);
    expect(t.err()).toBe('zhnews normalize: cannot read /no/such/file.txt: no such file\n');
    t = io();
    expect(await runNormalize(undefined, { diff: true, jsonl: true }, t)).toBe(2);
    expect(t.err().split('\n')).toHaveLength(2);
    t = io();
    expect(await runNormalize(undefined, { passes: 'reflow,bogus' }, t)).toBe(2);
    expect(t.err()).toMatch(/unknown normalize pass "bogus"/);
    t = io();
    expect(await runNormalize('/no/such/file.jsonl', { jsonl: true }, t)).toBe(1);
  });
  it('line:column counts lines and columns from 1', () => {
    const at = lineColumn('ab\ncd\r\nef\rg');
    expect(at(0)).toBe('1:1');
    expect(at(4)).toBe('2:2');
    expect(at(7)).toBe('3:1');
    expect(at(10)).toBe('4:1');
  });
  it('registers the command with its options', () => {
    const program = new Command();
    registerNormalize(program);
    const cmd = program.commands.find((c) => c.name() === 'normalize');
    expect(cmd).toBeDefined();
    expect(cmd!.options.map((o) => o.long)).toEqual(['--diff', '--jsonl', '--t2s', '--passes']);
  });
});
