/**
 * The registry's names as trigram sets, to find for each name of an imported
 * file the registry's names that pg_trgm's `similarity()` would call similar
 * (Jaccard of trigram sets, here ≥ 0.6), without asking the database once per
 * name. Asked of PostgreSQL, 20,000 names against 100,000 firms took minutes:
 * every name's common trigrams ("ent", "ers", " li") read most of the index.
 *
 * Here a name's registry candidates are read from an inverted index of
 * trigrams, rarest first, only as far as a candidate of each size could still
 * reach the threshold (a name that must share k of the query's q trigrams
 * shares one of its rarest q − k + 1: prefix filtering, with the bound by
 * size) and counted in the rest of the lists, so that their counts end exact.
 */

/** pg_trgm's trigrams of a text already lowered and unaccented: every word, padded "␣␣word␣", cut in threes. */
export function trigrams(text: string): string[] {
  const found = new Set<string>();
  for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) found.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  }
  return [...found];
}

/** pg_trgm's similarity: shared trigrams over all trigrams of the two. */
export function similarity(a: string, b: string): number {
  const x = new Set(trigrams(a));
  const y = trigrams(b);
  const shared = y.filter((t) => x.has(t)).length;
  const union = x.size + y.length - shared;
  return union === 0 ? 0 : shared / union;
}

export interface NameMatch {
  entry: number;
  score: number;
}

export class NameIndex {
  private readonly tokenIds = new Map<string, number>();
  private postingLists: number[][] = [];
  private postings: Int32Array[] = [];
  /** Once sealed: for each trigram, the first trigram with the very same list of names. */
  private lists: number[] = [];
  /** Until sealed: each entry's trigram ids, one after another, entry e's from starts[e] to starts[e + 1]. */
  private tokenList: number[] = [];
  private starts: number[] = [0];
  /** Once sealed, entries are numbered by size (so every posting list is sorted by size); `added` gives back the number `add` returned. */
  private sizes = new Uint16Array(0);
  private added = new Int32Array(0);
  private counts = new Uint16Array(0);
  private entries = 0;

  get size() {
    return this.entries;
  }

  /** Adds a registry name; returns its entry number. */
  add(name: string): number {
    const entry = this.size;
    for (const g of trigrams(name)) {
      let id = this.tokenIds.get(g);
      if (id === undefined) {
        id = this.postingLists.length;
        this.tokenIds.set(g, id);
        this.postingLists.push([]);
      }
      this.tokenList.push(id);
    }
    this.starts.push(this.tokenList.length);
    this.entries++;
    return entry;
  }

  /** Once every name is in: entries are renumbered by size and the lists become compact arrays. */
  seal() {
    const n = this.size;
    const sizeAdded = (e: number) => this.starts[e + 1]! - this.starts[e]!;
    const order = Array.from({ length: n }, (_, e) => e).sort((a, b) => sizeAdded(a) - sizeAdded(b) || a - b);
    this.added = Int32Array.from(order);
    this.sizes = Uint16Array.from(order, sizeAdded);
    order.forEach((e, i) => {
      for (let k = this.starts[e]!; k < this.starts[e + 1]!; k++) this.postingLists[this.tokenList[k]!]!.push(i);
    });
    // Trigrams of one word often have the same names (" fu", "fus", "use" of "fuseini"): such
    // lists are kept once, so that a name's trigrams sharing a list are counted in one pass.
    const byContent = new Map<string, number>();
    this.postings = this.postingLists.map((l) => Int32Array.from(l));
    this.lists = this.postings.map((list, id) => {
      const key = `${list.length}:${list[0]}:${list[list.length >> 1]}:${list[list.length - 1]}`;
      const same = byContent.get(key);
      if (same !== undefined && sameList(this.postings[same]!, list)) {
        this.postings[id] = this.postings[same]!;
        return same;
      }
      byContent.set(key, id);
      return id;
    });
    this.postingLists = [];
    this.tokenList = [];
    this.starts = [];
    this.counts = new Uint16Array(n);
  }

  private sizeOf(entry: number) {
    return this.sizes[entry]!;
  }

  /** The first place in `list` (sorted by size) whose entry has at least `size` trigrams. */
  private firstOfSize(list: Int32Array, size: number) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sizeOf(list[mid]!) < size) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The registry names at least `threshold` similar to `name`, best first, at most `limit`; entries as `add` numbered them. */
  match(name: string, threshold: number, limit: number): NameMatch[] {
    const grams = trigrams(name);
    const q = grams.length;
    if (q === 0) return [];
    const t = threshold;
    const eps = 1e-9;
    // The query's lists, rarest first, each with the number of its trigrams it stands for; a
    // trigram the registry lacks comes first (it is never shared, but counts in the union).
    const weights = new Map<number, number>();
    let absent = 0;
    for (const g of grams) {
      const id = this.tokenIds.get(g);
      if (id === undefined) absent++;
      else weights.set(this.lists[id]!, (weights.get(this.lists[id]!) ?? 0) + 1);
    }
    const lists = [...weights].sort((a, b) => this.postings[a[0]]!.length - this.postings[b[0]]!.length || a[0] - b[0]);
    // A name of z trigrams is similar enough only if it shares need(z) = ⌈t·(q + z) / (1 + t)⌉
    // of them, so it shares one of the first q − need(z) + 1: a name is only taken up from the
    // lists where that can still hold (lists are sorted by size), and counted in all the others.
    const smallest = Math.ceil(t * q - eps);
    const largest = Math.floor(q / t + eps);
    const counts = this.counts;
    const met: number[] = [];
    let i = absent;
    for (const [id, weight] of lists) {
      const list = this.postings[id]!;
      // need(z) ≤ q − i  ⟺  z ≤ (q − i)·(1 + t)/t − q: names up to that size may be met here first.
      const upTo = Math.min(largest, Math.floor(((q - i) * (1 + t)) / t - q + eps));
      const from = this.firstOfSize(list, smallest);
      const firstOnly = upTo < smallest ? from : this.firstOfSize(list, upTo + 1);
      const end = this.firstOfSize(list, largest + 1);
      for (let k = from; k < firstOnly; k++) {
        if (counts[list[k]!] === 0) met.push(list[k]!);
        counts[list[k]!]! += weight;
      }
      // Past that, names already met are counted, so their count ends exact.
      for (let k = firstOnly; k < end; k++) if (counts[list[k]!]! > 0) counts[list[k]!]! += weight;
      i += weight;
    }
    const found: NameMatch[] = [];
    for (const entry of met) {
      const shared = counts[entry]!;
      counts[entry] = 0;
      const score = shared / (q + this.sizeOf(entry) - shared);
      if (score >= t) found.push({ entry: this.added[entry]!, score });
    }
    return found.sort((a, b) => b.score - a.score || a.entry - b.entry).slice(0, limit);
  }
}

function sameList(a: Int32Array, b: Int32Array) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
