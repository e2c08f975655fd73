// Answers kept per word: a reading thread judges page after page, asking about the same few thousand words.

/**
 * `answer` with its answers kept by word, the first `limit` words of them: a thread keeps its judge
 * for a whole run, so what it keeps is bounded (a word past the limit is answered afresh each time).
 */
export function keptPerWord<V>(limit: number, answer: (word: string) => V): (word: string) => V {
  const kept = new Map<string, V>();
  return (word) => {
    const known = kept.get(word);
    if (known !== undefined || kept.has(word)) return known as V;
    const value = answer(word);
    if (kept.size < limit) kept.set(word, value);
    return value;
  };
}
