/**
 * Longest-match dictionary scanning over UTF-16 code units. Walking a trie
 * from each position costs one map lookup per character actually matched and
 * allocates nothing but the results, where slicing every candidate length at
 * every position allocates maxLen strings per character.
 */
interface Node {
  next: Map<number, Node>;
  /** the word ends here */
  word: boolean;
}

export interface DictMatch {
  start: number;
  end: number;
  word: string;
}

/** Bits of the pair filter (128 KB): a few percent of collisions for 20k distinct pairs. */
const PAIR_BITS = 1 << 20;
const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;

export class Trie {
  private readonly root: Node = { next: new Map(), word: false };
  /** first code units of the words: most text positions start none, and a byte test is cheaper than a map lookup */
  private readonly first = new Uint8Array(65536);
  /**
   * The first two code units of the words of two or more, hashed into a bit
   * set: with a big word list (30k place names) two thirds of the positions
   * of news text pass `first`, one in twenty passes this, and a bit test
   * stays in the cache where a walk through the trie's maps does not. A set
   * bit may be a collision (then the walk decides); a clear one is certain.
   */
  private readonly pairs = new Int32Array(PAIR_BITS >>> 5);
  private count = 0;

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
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let n = node.next.get(c);
      if (!n) {
        n = { next: new Map(), word: false };
        node.next.set(c, n);
      }
      node = n;
    }
    if (!node.word) this.count++;
    node.word = true;
  }

  /** Length of the longest word starting at `i` whose length lies in [minLen, maxLen], or 0. */
  longestAt(text: string, i: number, minLen = 1, maxLen = Infinity): number {
    if (!this.first[text.charCodeAt(i)]) return 0;
    if (minLen >= 2) {
      // a word of two or more starting here begins with a known pair
      if (i + 1 >= text.length) return 0;
      const h = pairHash(text.charCodeAt(i), text.charCodeAt(i + 1));
      if ((this.pairs[h >>> 5]! & (1 << (h & 31))) === 0) return 0;
    }
    let node: Node | undefined = this.root;
    let best = 0;
    const limit = Math.min(text.length, i + maxLen);
    for (let j = i; j < limit; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      if (node.word && j + 1 - i >= minLen) best = j + 1 - i;
    }
    return best;
  }

  /** Every occurrence of every word, overlapping ones included, by start then length. */
  forEachOccurrence(text: string, visit: (start: number, end: number) => void): void {
    for (let i = 0; i < text.length; i++) {
      if (!this.first[text.charCodeAt(i)]) continue;
      let node: Node | undefined = this.root;
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.word) visit(i, j + 1);
      }
    }
  }

  /** Greedy left-to-right longest matches that do not overlap (what a maximal-munch scanner finds). */
  matches(text: string, minLen = 1, maxLen = Infinity): DictMatch[] {
    const out: DictMatch[] = [];
    let i = 0;
    while (i < text.length) {
      const L = this.longestAt(text, i, minLen, maxLen);
      if (L > 0) {
        out.push({ start: i, end: i + L, word: text.slice(i, i + L) });
        i += L;
      } else i++;
    }
    return out;
  }
}
