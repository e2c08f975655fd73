// Counted nouns in English prose: `1 claim`, `2 claims`, `1 uncited sentence`.

/** `n` and the noun, with an `s` unless n is 1 (every noun counted here takes a plain `s`). */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
