/**
 * The names a reviewer searches by, cut into the tokens both adapters index: sqlite's FTS5 table
 * (server/sqlite/search.ts) and the cloud database's `searchTokens` array (database/README.md).
 *
 * Names are Chinese, where a two-character query (科技, 记账) is the common case: each name is
 * split into runs of letters and digits (lower-cased), and each run into its single characters
 * (unigrams) and overlapping two-character grams (bigrams). A query of one character is found by
 * its unigram; a longer one by all of its bigrams. Tokens never span two names or two runs, so a
 * query across them finds nothing; all bigrams present is still only a candidate (`abab` has the
 * bigrams of `aba` and `bab`), and the store checks the exact substring on the candidates.
 */

/** Letters and digits of any script, CJK included: what FTS5's unicode61 tokenizer keeps. */
const WORD = /[\p{L}\p{N}]+/gu;

export function segments(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function bigrams(segment: string): string[] {
  const chars = [...segment];
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}

/** Every unigram and bigram of the names, each once: the stored, indexed array. */
export function searchTokens(...names: string[]): string[] {
  const parts = names.flatMap(segments);
  return [...new Set([...parts.flatMap((part) => [...part]), ...parts.flatMap(bigrams)])];
}

/** The tokens an application must hold to match `query`; empty when it has no letter or digit. */
export function queryTokens(query: string): string[] {
  const tokens = segments(query).flatMap((part) => ([...part].length === 1 ? [part] : bigrams(part)));
  return [...new Set(tokens)];
}
