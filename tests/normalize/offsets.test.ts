/**
 * src/core/offsets.ts was changed for speed (typed-array growth in
 * EditBuilder, no tuple per character in compose) and for one bug: compose
 * mapped a character inserted inside a replaced span to an empty span at the
 * start of that span, which made the composed map non-monotonic (found by
 * the test below). This checks the code against a straightforward reference
 * on random edit scripts.
 */
import { describe, expect, it } from 'vitest';
import { EditBuilder, OffsetMap } from '../../src/core/offsets.js';
import { rng } from '../../src/normalize/damage.js';

type Op = ['keep' | 'delete', number] | ['replace', number, string] | ['insert', string];

function reference(input: string, ops: Op[]): { text: string; from: number[]; to: number[] } {
  let pos = 0;
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const op of ops) {
    if (op[0] === 'keep') {
      for (let i = 0; i < op[1]; i++) {
        text += input[pos + i];
        from.push(pos + i);
        to.push(pos + i + 1);
      }
      pos += op[1];
    } else if (op[0] === 'delete') pos += op[1];
    else if (op[0] === 'replace') {
      const [, n, t] = op;
      text += t;
      for (let i = 0; i < t.length; i++) {
        from.push(t.length === n ? pos + i : pos);
        to.push(t.length === n ? pos + i + 1 : pos + n);
      }
      pos += n;
    } else {
      text += op[1];
      for (let i = 0; i < op[1].length; i++) {
        from.push(pos);
        to.push(pos);
      }
    }
  }
  for (; pos < input.length; pos++) {
    text += input[pos];
    from.push(pos);
    to.push(pos + 1);
  }
  return { text, from, to };
}

function randomScript(r: () => number, n: number): Op[] {
  const ops: Op[] = [];
  let left = n;
  while (left > 0 && r() < 0.97) {
    const k = Math.min(left, Math.floor(r() * 5));
    const x = r();
    if (x < 0.4) ops.push(['keep', k]);
    else if (x < 0.6) ops.push(['delete', k]);
    else if (x < 0.85) ops.push(['replace', k, 'xyz'.slice(0, Math.floor(r() * 4))]);
    else {
      ops.push(['insert', 'ab'.slice(0, 1 + Math.floor(r() * 2))]);
      continue;
    }
    left -= k;
  }
  return ops;
}

function build(input: string, ops: Op[]) {
  const b = new EditBuilder(input);
  for (const op of ops) {
    if (op[0] === 'keep') b.keep(op[1]);
    else if (op[0] === 'delete') b.delete(op[1]);
    else if (op[0] === 'replace') b.replace(op[1], op[2]);
    else b.insert(op[1]);
  }
  return b.finish();
}

function referenceCompose(inner: OffsetMap, outer: OffsetMap): [number[], number[]] {
  const f: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const x = inner.from[i]!;
    const y = inner.to[i]!;
    const [a, b] = outer.span(x, y);
    f.push(a);
    // the fix: an insertion inside a replaced span widens to that span
    t.push(x === y && x > 0 && x < outer.length ? Math.max(b, outer.to[x - 1]!) : b);
  }
  return [f, t];
}

describe('core/offsets: EditBuilder and compose keep their semantics', () => {
  it('EditBuilder matches the reference on 3000 random scripts', () => {
    const r = rng(7);
    for (let k = 0; k < 3000; k++) {
      const input = 'abcdefghijklmnopqrstuvwxyz'.slice(0, Math.floor(r() * 27));
      const ops = randomScript(r, input.length);
      const got = build(input, ops);
      const want = reference(input, ops);
      expect(got.text).toBe(want.text);
      expect(Array.from(got.map.from)).toEqual(want.from);
      expect(Array.from(got.map.to)).toEqual(want.to);
      got.map.assertMonotonic();
    }
  });
  it('compose equals per-character span() through the outer map', () => {
    const r = rng(11);
    for (let k = 0; k < 2000; k++) {
      const raw = 'abcdefghijklmnopqrstuvwxyz'.slice(0, Math.floor(r() * 27));
      const outer = build(raw, randomScript(r, raw.length));
      const inner = build(outer.text, randomScript(r, outer.text.length));
      const c = inner.map.compose(outer.map);
      const [f, t] = referenceCompose(inner.map, outer.map);
      expect(Array.from(c.from)).toEqual(f);
      expect(Array.from(c.to)).toEqual(t);
      expect(c.sourceLength).toBe(raw.length);
      c.assertMonotonic();
    }
  });
  it('sparse chains (segments composed, arrays built once) equal dense chains; span() agrees before and after building the arrays', () => {
    const r = rng(23);
    const letters = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
    // (long inputs: kept runs longer than 16 are copied as subarrays)
    const dense = (m: OffsetMap) => new OffsetMap(Int32Array.from(m.from), Int32Array.from(m.to), m.sourceLength);
    for (let k = 0; k < 1500; k++) {
      const raw = letters.slice(0, Math.floor(r() * letters.length));
      let text = raw;
      let sparse: OffsetMap | null = null;
      let dns: OffsetMap | null = null;
      const depth = 1 + Math.floor(r() * 4);
      for (let d = 0; d < depth; d++) {
        const step = build(text, randomScript(r, text.length));
        // mixed path: segments over per-character arrays
        const mixed = dns ? step.map.compose(dns) : null;
        // dense path: per-character arrays composed character by character
        dns = dns ? dense(step.map).compose(dns) : dense(step.map);
        if (mixed) {
          expect(Array.from(mixed.from)).toEqual(Array.from(dns.from));
          expect(Array.from(mixed.to)).toEqual(Array.from(dns.to));
        }
        sparse = sparse ? step.map.compose(sparse) : step.map;
        text = step.text;
      }
      const s = sparse!;
      // point lookups on the still-sparse map
      const spans: Array<[number, number]> = [];
      for (let i = 0; i <= s.length; i++) spans.push(s.span(i, Math.min(s.length, i + (i % 3))));
      // and out of order (a cached last segment must not be trusted blindly)
      for (let i = s.length; i >= 0; i -= 2) expect(s.span(i, Math.min(s.length, i + (i % 3)))).toEqual(spans[i]);
      expect(Array.from(s.from)).toEqual(Array.from(dns!.from));
      expect(Array.from(s.to)).toEqual(Array.from(dns!.to));
      for (let i = 0; i <= s.length; i++) expect(spans[i]).toEqual(dns!.span(i, Math.min(s.length, i + (i % 3))));
      expect(s.sourceLength).toBe(raw.length);
      s.assertMonotonic();
    }
  });
  it('compose rejects mismatched lengths', () => {
    expect(() => OffsetMap.identity(3).compose(OffsetMap.identity(4))).toThrow(/compose/);
  });
});
