// Search that works the same for English, Chinese, Japanese and Thai. CJK and Thai are written without
// spaces, so word tokenisers (and PostgreSQL's full-text search) cannot find "東京" inside "東京タワー".
// Instead every text is reduced to the hashes of its character bigrams (plus unigrams of non-ASCII
// characters, so a one-character CJK query works), stored as int4[] under a GIN index. A query's grams
// must all be present (index-backed), and LIKE over the normalised text confirms the match.

/** NFKC (full-width → half-width, compatibility forms), lower case, whitespace collapsed. */
export function normalizeSearchText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** Gram hashes of an already normalised text, de-duplicated. */
export function textGrams(normalized: string): number[] {
  const chars = Array.from(normalized);
  const grams = new Set<number>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c.codePointAt(0)! > 0x7f && c !== " ") grams.add(hash(c));
    const next = chars[i + 1];
    if (next !== undefined) grams.add(hash(c + next));
  }
  return [...grams];
}

/**
 * The grams a query needs, at most `max` of them spread across the query (each extra gram is another
 * posting list to intersect, and LIKE re-checks the whole query anyway). Empty for a single ASCII
 * character, which is too common to narrow anything.
 */
export function queryGrams(normalizedQuery: string, max = 6): number[] {
  const chars = Array.from(normalizedQuery);
  if (chars.length === 1) {
    const c = chars[0]!;
    return c.codePointAt(0)! > 0x7f ? [hash(c)] : [];
  }
  const bigrams: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const h = hash(chars[i]! + chars[i + 1]!);
    if (!seen.has(h)) {
      seen.add(h);
      bigrams.push(h);
    }
  }
  if (bigrams.length <= max) return bigrams;
  const step = (bigrams.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => bigrams[Math.round(i * step)]!);
}

/** Escape % _ and \ for a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// 32-bit FNV-1a over UTF-16 code units, as a signed int4. Collisions only cost a LIKE re-check.
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
