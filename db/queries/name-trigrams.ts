// A cheap test a name must pass before pg_trgm's word similarity is worth computing for it.
//
// A name search (`q`) matches a name that contains it or whose word similarity to it reaches
// pg_trgm's threshold (`q <% name`). In a state or a wide radius the search tests every entry
// that passes the other filters, and computing the similarity (every trigram of the name,
// sorted and compared) was most of the slowest searches' time (docs/benchmarks.md, twelfth
// pass). The similarity is at most the share of q's trigrams found among the name's, and q's
// trigrams with a space in them (its words' first and last letters, padded) are few. So when
// they alone cannot reach the threshold, a name that matches holds at least one of q's other
// trigrams, three letters in a row inside one of its words: a plain substring, which a regular
// expression finds far faster than the similarity is computed.

/** pg_trgm's `word_similarity_threshold`, which the app leaves at its default (a test checks). */
export const WORD_SIMILARITY_THRESHOLD = 0.6;

/**
 * The trigrams without padding ("qui", "uil", ...) of which a name must contain at least one
 * (as a substring of its lower-cased text) for `q <% name` to hold, or null when no such
 * condition follows (short words, or letters other than a to z and digits, whose word breaks
 * and lower case pg_trgm decides by locale: then every name is tested as before).
 */
export function requiredTrigrams(q: string): string[] | null {
  const text = q.toLowerCase();
  if (!/^[a-z0-9 ]+$/.test(text)) return null;
  // pg_trgm: each word padded with two spaces before and one after, every three letters in a
  // row, duplicates once.
  const all = new Set<string>();
  for (const word of text.split(" ").filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) all.add(padded.slice(i, i + 3));
  }
  const inner = [...all].filter((g) => !g.includes(" "));
  const paddedCount = all.size - inner.length;
  // Found trigrams / all of q's trigrams >= the threshold needs more than the padded ones.
  if (inner.length === 0 || paddedCount >= WORD_SIMILARITY_THRESHOLD * all.size - 1e-9) return null;
  return inner;
}

/** requiredTrigrams as a regular expression for `~` (letters and digits only: nothing to escape). */
export function requiredTrigramsPattern(q: string): string | null {
  const trigrams = requiredTrigrams(q);
  return trigrams ? trigrams.join("|") : null;
}
