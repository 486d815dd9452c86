import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decode } from '../../src/ingest/decode.js';
import { readDocument } from '../../src/ingest/index.js';

const dir = 'tests/fixtures/encodings';
const simplified = readFileSync(`${dir}/expected-simplified.txt`, 'utf8');
const traditional = readFileSync(`${dir}/expected-traditional.txt`, 'utf8');

describe('encoding detection', () => {
  it.each([
    ['gbk.txt', 'gb18030', simplified],
    ['gb18030.txt', 'gb18030', simplified + '𠀀\n'],
    ['big5.txt', 'big5', traditional],
    ['utf16le-bom.txt', 'utf-16le', simplified],
    ['utf16be-bom.txt', 'utf-16be', simplified],
    ['utf16le.txt', 'utf-16le', simplified],
    ['utf8-bom.txt', 'utf-8-bom', simplified],
  ])('%s decodes as %s', (file, encoding, text) => {
    const r = decode(readFileSync(`${dir}/${file}`));
    expect(r).toEqual({ ok: true, encoding, text });
  });

  it('reads a corpus file as plain UTF-8 with its hash', async () => {
    const d = await readDocument('corpus/003_68ba46f9a76749d4.txt');
    expect(d.encoding).toBe('utf-8');
    const manifest = readFileSync('corpus/manifest.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(d.sha256).toBe(manifest.find((m: { id: string }) => m.id === '003_68ba46f9a76749d4').sha256);
    expect(d.raw.startsWith(' 昌平区机器人产业')).toBe(true);
  });

  it('rejects empty, whitespace-only, binary and undecodable input with a reason', () => {
    expect(decode(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    expect(decode(Buffer.from(' \n\t\n'))).toMatchObject({ ok: false, reason: 'empty' });
    expect(decode(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]))).toMatchObject({ ok: false, reason: 'binary' });
    expect(decode(Buffer.from([0xfd, 0x80, 0x81, 0xfe, 0xff, 0x80, 0x20, 0xc3, 0x28]))).toMatchObject({ ok: false, reason: 'undecodable' });
  });

  it('names the file in every read error', async () => {
    await expect(readDocument('corpus/absent.txt')).rejects.toThrow('corpus/absent.txt: no such file');
    await expect(readDocument('corpus')).rejects.toThrow(/corpus: is a directory/);
  });
});
