// Whitespace as a regular expression's `\s` (and String.prototype.trim) has it, one UTF-16 code unit at a time.

/** Whether a UTF-16 code unit is whitespace as `\s` has it. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
