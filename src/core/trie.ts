/**
 * Longest-match dictionary scanning over UTF-16 code units. Walking a trie
 * from each position costs one table lookup per character actually matched
 * and allocates nothing but the results, where slicing every candidate length
 * at every position allocates maxLen strings per character.
 *
 * The trie is flat: nodes are numbers (0 is the root) and its edges
 * (node, code unit) → child live in one open-addressing hash table of typed
 * arrays, grown as words are added. A step is a multiply and reads of
 * neighbouring array slots, where a Map per node cost a hash-table walk per
 * step and, with the 30k place names, cache misses that made the gazetteer
 * scans the largest rule cost on real news; building it is cheaper too.
 */
export interface DictMatch {
  start: number;
  end: number;
  word: string;
}

/** Bits of the pair filter (128 KB): a few percent of collisions for 20k distinct pairs. */
const PAIR_BITS = 1 << 20;
const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;

/** Slot of the edge (node, c) before probing. */
const slotOf = (node: number, c: number, mask: number): number => (Math.imul(Math.imul(node, 0x9e3779b1) ^ c, 0x85ebca6b) >>> 7) & mask;

export class Trie {
  /** first code units of the words: most text positions start none, and a byte test is cheaper than a table lookup */
  private readonly first = new Uint8Array(65536);
  /**
   * The first two code units of the words of two or more, hashed into a bit
   * set: with a big word list (30k place names) two thirds of the positions
   * of news text pass `first`, one in twenty passes this, and a bit test
   * stays in the cache where a walk through the trie does not. A set bit may
   * be a collision (then the walk decides); a clear one is certain.
   */
  private readonly pairs = new Int32Array(PAIR_BITS >>> 5);
  private count = 0;
  /** per slot: node + 1 (0: empty), code unit, child node */
  private edges = new Int32Array(16 * 3);
  private mask = 15;
  private edgeCount = 0;
  private nodeCount = 1;
  /** 1 where a word ends at the node */
  private word = new Uint8Array(16);

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  get size(): number {
    return this.count;
  }

  add(word: string): void {
    if (word.length === 0) return;
    this.first[word.charCodeAt(0)] = 1;
    if (word.length >= 2) {
      const h = pairHash(word.charCodeAt(0), word.charCodeAt(1));
      this.pairs[h >>> 5]! |= 1 << (h & 31);
    }
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = this.step(node, c);
      if (child < 0) {
        child = this.nodeCount++;
        if (child >= this.word.length) {
          const grown = new Uint8Array(this.word.length * 2);
          grown.set(this.word);
          this.word = grown;
        }
        this.insert(node, c, child);
      }
      node = child;
    }
    if (this.word[node] !== 1) this.count++;
    this.word[node] = 1;
  }

  /** Add the edge (node, c) → child, growing the table past half full. */
  private insert(node: number, c: number, child: number): void {
    if ((this.edgeCount + 1) * 2 > this.mask + 1) {
      const old = this.edges;
      const size = (this.mask + 1) * 2;
      this.edges = new Int32Array(size * 3);
      this.mask = size - 1;
      for (let s = 0; s < old.length; s += 3) if (old[s] !== 0) this.place(old[s]! - 1, old[s + 1]!, old[s + 2]!);
    }
    this.place(node, c, child);
    this.edgeCount++;
  }

  private place(node: number, c: number, child: number): void {
    const edges = this.edges;
    const mask = this.mask;
    let s = slotOf(node, c, mask);
    while (edges[s * 3] !== 0) s = (s + 1) & mask;
    edges[s * 3] = node + 1;
    edges[s * 3 + 1] = c;
    edges[s * 3 + 2] = child;
  }

  /** The child of `node` by code unit c, or -1. */
  private step(node: number, c: number): number {
    const edges = this.edges;
    const mask = this.mask;
    let s = slotOf(node, c, mask);
    for (;;) {
      const key = edges[s * 3]!;
      if (key === 0) return -1;
      if (key === node + 1 && edges[s * 3 + 1] === c) return edges[s * 3 + 2]!;
      s = (s + 1) & mask;
    }
  }

  /** Length of the longest word starting at `i` whose length lies in [minLen, maxLen], or 0. */
  longestAt(text: string, i: number, minLen = 1, maxLen = Infinity): number {
    return this.longest(text, i, minLen, Math.min(text.length, i + maxLen));
  }

  /** longestAt with the end of the walk (`limit`) computed. */
  private longest(text: string, i: number, minLen: number, limit: number): number {
    if (!this.first[text.charCodeAt(i)]) return 0;
    if (minLen >= 2) {
      // a word of two or more starting here begins with a known pair
      if (i + 1 >= text.length) return 0;
      const h = pairHash(text.charCodeAt(i), text.charCodeAt(i + 1));
      if ((this.pairs[h >>> 5]! & (1 << (h & 31))) === 0) return 0;
    }
    const word = this.word;
    let node = 0;
    let best = 0;
    for (let j = i; j < limit; j++) {
      node = this.step(node, text.charCodeAt(j));
      if (node < 0) break;
      if (word[node] === 1 && j + 1 - i >= minLen) best = j + 1 - i;
    }
    return best;
  }

  /** Every occurrence of every word, overlapping ones included, by start then length. */
  forEachOccurrence(text: string, visit: (start: number, end: number) => void): void {
    for (let i = 0; i < text.length; i++) {
      if (!this.first[text.charCodeAt(i)]) continue;
      let node = 0;
      for (let j = i; j < text.length; j++) {
        node = this.step(node, text.charCodeAt(j));
        if (node < 0) break;
        if (this.word[node] === 1) visit(i, j + 1);
      }
    }
  }

  /** Greedy left-to-right longest matches that do not overlap (what a maximal-munch scanner finds). */
  matches(text: string, minLen = 1, maxLen = Infinity): DictMatch[] {
    const out: DictMatch[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const L = this.longest(text, i, minLen, Math.min(n, i + maxLen));
      if (L > 0) {
        out.push({ start: i, end: i + L, word: text.slice(i, i + L) });
        i += L;
      } else i++;
    }
    return out;
  }
}
