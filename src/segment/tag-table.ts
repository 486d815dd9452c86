/**
 * word -> part-of-speech tag for jieba's whole dictionary, in flat typed
 * arrays instead of a Map of 170k strings: every word's UTF-16 code units in
 * one array, an
 * open-addressing hash table of word numbers, one byte per word for its tag.
 * About a fifth of the Map's memory in every thread that loads jieba, with
 * the same answers (a later `set` of a word replaces its tag, as the Map did).
 */
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

  set(word: string, tag: string): void {
    const i = this.find(word);
    const k = this.slots[i]!;
    if (k >= 0) {
      this.tagIds[k] = this.tagId(tag);
      return;
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

  /** Drop the growth slack once every word is in. */
  compact(): this {
    this.starts = this.starts.slice(0, this.length);
    this.tagIds = this.tagIds.slice(0, this.length);
    this.units = this.units.slice(0, this.charCount);
    return this;
  }
}
