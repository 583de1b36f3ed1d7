/**
 * The reviewers' search by subject or mini-program name, made an index lookup instead of a scan.
 *
 * `LIKE '%…%'` cannot use an index, so a search that matches few applications read every row
 * (107 ms at 100,000 applications). Names are Chinese, where a two-character query (科技, 记账) is
 * the common case and FTS5's trigram tokenizer needs three: so each application also stores its
 * names as single characters and as overlapping two-character grams, space-separated, and an FTS5
 * table indexes those as tokens. A query of one character matches a unigram; a longer query
 * matches the phrase of its bigrams, which consecutive positions make a substring match. The
 * store still checks the exact `LIKE` on the few candidates (a phrase may span two names).
 */
import { bigrams, segments } from '../store/search-tokens';

/** The two search columns stored with an application, from its names. */
export function searchColumns(...names: string[]): { unigrams: string; bigrams: string } {
  const parts = names.flatMap(segments);
  return {
    unigrams: parts.flatMap((part) => [...part]).join(' '),
    bigrams: parts.flatMap(bigrams).join(' '),
  };
}

/** The FTS5 query for a search, or null when it holds no letter or digit to look up. */
export function searchMatch(query: string): string | null {
  const terms = segments(query).map((part) =>
    [...part].length === 1 ? `search_uni : "${part}"` : `search_bi : "${bigrams(part).join(' ')}"`,
  );
  return terms.length > 0 ? terms.join(' AND ') : null;
}
