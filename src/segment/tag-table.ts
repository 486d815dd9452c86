/**
 * word -> part-of-speech tag for jieba's whole dictionary, in flat typed
 * arrays instead of a Map of 170k strings: every word's UTF-16 code units in
 * one array, an
 * open-addressing hash table of word numbers, one byte per word for its tag.
 * About a fifth of the Map's memory in every thread that loads jieba, with
 * the same answers (a later `set` of a word replaces its tag, as the Map did).
 */
const IMAGE_MAGIC = 'zhnews-tag-table-1';

export class TagTable {
  private units = new Uint16Array(4096);
  private starts = new Uint32Array(1024);
  private tagIds = new Uint8Array(1024);
  private slots = new Int32Array(2048).fill(-1);
  private length = 0;
  private charCount = 0;
  private readonly tagNames: string[] = [];
  private readonly tagIndex = new Map<string, number>();

  get size(): number {
    return this.length;
  }

  private static hashWord(w: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  private hashStored(k: number): number {
    const e = this.end(k);
    let h = 0x811c9dc5;
    for (let i = this.starts[k]!; i < e; i++) h = Math.imul(h ^ this.units[i]!, 0x01000193);
    return h >>> 0;
  }

  private end(k: number): number {
    return k + 1 < this.length ? this.starts[k + 1]! : this.charCount;
  }

  private wordEquals(k: number, w: string): boolean {
    const s = this.starts[k]!;
    if (this.end(k) - s !== w.length) return false;
    for (let i = 0; i < w.length; i++) if (this.units[s + i] !== w.charCodeAt(i)) return false;
    return true;
  }

  private find(w: string): number {
    const mask = this.slots.length - 1;
    let i = TagTable.hashWord(w) & mask;
    for (;;) {
      const k = this.slots[i]!;
      if (k < 0 || this.wordEquals(k, w)) return i;
      i = (i + 1) & mask;
    }
  }

  private tagId(tag: string): number {
    let id = this.tagIndex.get(tag);
    if (id === undefined) {
      id = this.tagNames.length;
      if (id > 255) throw new Error('segment: more than 256 distinct tags');
      this.tagNames.push(tag);
      this.tagIndex.set(tag, id);
    }
    return id;
  }

  /** Give `word` the tag `tag` (replacing an earlier one); returns the word's number. */
  set(word: string, tag: string): number {
    const i = this.find(word);
    const k = this.slots[i]!;
    if (k >= 0) {
      this.tagIds[k] = this.tagId(tag);
      return k;
    }
    if (this.length === this.starts.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts, (n) => new Uint32Array(n));
      this.tagIds = grow(this.tagIds, (n) => new Uint8Array(n));
    }
    const n = this.length++;
    this.starts[n] = this.charCount;
    this.tagIds[n] = this.tagId(tag);
    if (this.charCount + word.length > this.units.length) {
      const u = new Uint16Array(Math.max(this.units.length * 2, this.charCount + word.length));
      u.set(this.units);
      this.units = u;
    }
    for (let i = 0; i < word.length; i++) this.units[this.charCount + i] = word.charCodeAt(i);
    this.charCount += word.length;
    this.slots[i] = n;
    if (this.length * 2 > this.slots.length) this.rehash();
    return n;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let k = 0; k < this.length; k++) {
      let i = this.hashStored(k) & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = k;
    }
    this.slots = slots;
  }

  get(word: string): string | undefined {
    const k = this.slots[this.find(word)]!;
    return k < 0 ? undefined : this.tagNames[this.tagIds[k]!];
  }

  /** The word numbered `k` (0 <= k < size) and its tag. */
  entry(k: number): [word: string, tag: string] {
    let w = '';
    for (let i = this.starts[k]!, e = this.end(k); i < e; i++) w += String.fromCharCode(this.units[i]!);
    return [w, this.tagNames[this.tagIds[k]!]!];
  }

  /**
   * The compacted table and `extra` (word numbers) as one byte image that
   * fromImage reads back without copying: a header line, then the arrays,
   * each at a multiple of 4 bytes. Building the table from the dictionary
   * text costs a worker ~0.5 s of CPU and ~60 MB of short-lived heap; reading
   * an image costs milliseconds.
   */
  toImage(extra: Uint32Array): Uint8Array {
    this.compact();
    const head = new TextEncoder().encode(
      JSON.stringify({ magic: IMAGE_MAGIC, length: this.length, charCount: this.charCount, slots: this.slots.length, extra: extra.length, tags: this.tagNames }) + '\n',
    );
    const at4 = (n: number) => (n + 3) & ~3;
    const parts: Array<ArrayBufferView> = [this.slots, this.starts, extra, this.units, this.tagIds];
    let size = at4(head.length);
    for (const a of parts) size += at4(a.byteLength);
    const out = new Uint8Array(size);
    out.set(head);
    let p = at4(head.length);
    for (const a of parts) {
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), p);
      p += at4(a.byteLength);
    }
    return out;
  }

  /** A table read from toImage's bytes (views into them), or null when they are not a whole image. */
  static fromImage(bytes: Uint8Array): { table: TagTable; extra: Uint32Array } | null {
    const nl = bytes.indexOf(10);
    if (nl < 0 || bytes.byteOffset % 4 !== 0) return null;
    let h: { magic: string; length: number; charCount: number; slots: number; extra: number; tags: string[] };
    try {
      h = JSON.parse(new TextDecoder().decode(bytes.subarray(0, nl)));
    } catch {
      return null;
    }
    if (h.magic !== IMAGE_MAGIC) return null;
    const at4 = (n: number) => (n + 3) & ~3;
    const sizes = [h.slots * 4, h.length * 4, h.extra * 4, h.charCount * 2, h.length];
    let p = at4(nl + 1);
    if (p + sizes.reduce((a, n) => a + at4(n), 0) !== bytes.length) return null;
    const view = <T>(n: number, make: (b: ArrayBuffer, off: number, len: number) => T, unit: number): T => {
      const v = make(bytes.buffer as ArrayBuffer, bytes.byteOffset + p, n / unit);
      p += at4(n);
      return v;
    };
    const t = new TagTable();
    t.slots = view(sizes[0]!, (b, o, l) => new Int32Array(b, o, l), 4);
    t.starts = view(sizes[1]!, (b, o, l) => new Uint32Array(b, o, l), 4);
    const extra = view(sizes[2]!, (b, o, l) => new Uint32Array(b, o, l), 4);
    t.units = view(sizes[3]!, (b, o, l) => new Uint16Array(b, o, l), 2);
    t.tagIds = view(sizes[4]!, (b, o, l) => new Uint8Array(b, o, l), 1);
    t.length = h.length;
    t.charCount = h.charCount;
    h.tags.forEach((tag, id) => {
      t.tagNames.push(tag);
      t.tagIndex.set(tag, id);
    });
    return { table: t, extra };
  }

  /** Drop the growth slack once every word is in. */
  compact(): this {
    this.starts = this.starts.slice(0, this.length);
    this.tagIds = this.tagIds.slice(0, this.length);
    this.units = this.units.slice(0, this.charCount);
    return this;
  }
}
