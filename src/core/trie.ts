/**
 * Longest-match dictionary scanning over UTF-16 code units. Walking a trie
 * from each position costs one table lookup per character actually matched
 * and allocates nothing but the results, where slicing every candidate length
 * at every position allocates maxLen strings per character.
 *
 * Words are added to a tree of Maps; the scans read a flat copy of it, built
 * on the first scan after an add: the edges (node, code unit) → child in one
 * open-addressing hash table of typed arrays. A step is a multiply and reads
 * of neighbouring array slots, where a Map per node cost a hash-table walk
 * per step and, with the 30k place names, cache misses that made the
 * gazetteer scans the largest rule cost on real news.
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

/** The flat form of the tree: node 0 is the root. */
interface Flat {
  /** per slot: node + 1 (0: empty), code unit, child node */
  edges: Int32Array;
  mask: number;
  /** 1 where a word ends at the node */
  word: Uint8Array;
}

const EMPTY_FLAT: Flat = { edges: new Int32Array(3), mask: 0, word: new Uint8Array(1) };

/** Slot of the edge (node, c) before probing. */
const slotOf = (node: number, c: number, mask: number): number => (Math.imul(Math.imul(node, 0x9e3779b1) ^ c, 0x85ebca6b) >>> 7) & mask;

function flatten(root: Node): Flat {
  // number the nodes breadth first
  const nodes: Node[] = [root];
  let edgeCount = 0;
  for (let k = 0; k < nodes.length; k++) {
    for (const n of nodes[k]!.next.values()) nodes.push(n);
    edgeCount += nodes[k]!.next.size;
  }
  const id = new Map<Node, number>();
  nodes.forEach((n, k) => id.set(n, k));
  let size = 16;
  while (size < edgeCount * 2) size *= 2;
  const mask = size - 1;
  const edges = new Int32Array(size * 3);
  const word = new Uint8Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.word) word[k] = 1;
    for (const [c, child] of n.next) {
      let s = slotOf(k, c, mask);
      while (edges[s * 3] !== 0) s = (s + 1) & mask;
      edges[s * 3] = k + 1;
      edges[s * 3 + 1] = c;
      edges[s * 3 + 2] = id.get(child)!;
    }
  }
  return { edges, mask, word };
}

/** The child of `node` by code unit c, or -1. */
function step(f: Flat, node: number, c: number): number {
  const edges = f.edges;
  const mask = f.mask;
  let s = slotOf(node, c, mask);
  for (;;) {
    const key = edges[s * 3]!;
    if (key === 0) return -1;
    if (key === node + 1 && edges[s * 3 + 1] === c) return edges[s * 3 + 2]!;
    s = (s + 1) & mask;
  }
}

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
  /** the flat copy the scans read (rebuilt on the first scan after an add) */
  private flat: Flat = EMPTY_FLAT;
  private stale = true;

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
    this.stale = true;
  }

  private table(): Flat {
    if (this.stale) {
      this.flat = flatten(this.root);
      this.stale = false;
    }
    return this.flat;
  }

  /** Length of the longest word starting at `i` whose length lies in [minLen, maxLen], or 0. */
  longestAt(text: string, i: number, minLen = 1, maxLen = Infinity): number {
    return this.longest(this.table(), text, i, minLen, Math.min(text.length, i + maxLen));
  }

  /** longestAt with the table in hand and the end of the walk (`limit`) computed. */
  private longest(f: Flat, text: string, i: number, minLen: number, limit: number): number {
    if (!this.first[text.charCodeAt(i)]) return 0;
    if (minLen >= 2) {
      // a word of two or more starting here begins with a known pair
      if (i + 1 >= text.length) return 0;
      const h = pairHash(text.charCodeAt(i), text.charCodeAt(i + 1));
      if ((this.pairs[h >>> 5]! & (1 << (h & 31))) === 0) return 0;
    }
    let node = 0;
    let best = 0;
    for (let j = i; j < limit; j++) {
      node = step(f, node, text.charCodeAt(j));
      if (node < 0) break;
      if (f.word[node] === 1 && j + 1 - i >= minLen) best = j + 1 - i;
    }
    return best;
  }

  /** Every occurrence of every word, overlapping ones included, by start then length. */
  forEachOccurrence(text: string, visit: (start: number, end: number) => void): void {
    const f = this.table();
    for (let i = 0; i < text.length; i++) {
      if (!this.first[text.charCodeAt(i)]) continue;
      let node = 0;
      for (let j = i; j < text.length; j++) {
        node = step(f, node, text.charCodeAt(j));
        if (node < 0) break;
        if (f.word[node] === 1) visit(i, j + 1);
      }
    }
  }

  /** Greedy left-to-right longest matches that do not overlap (what a maximal-munch scanner finds). */
  matches(text: string, minLen = 1, maxLen = Infinity): DictMatch[] {
    const f = this.table();
    const out: DictMatch[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const L = this.longest(f, text, i, minLen, Math.min(n, i + maxLen));
      if (L > 0) {
        out.push({ start: i, end: i + L, word: text.slice(i, i + L) });
        i += L;
      } else i++;
    }
    return out;
  }
}
