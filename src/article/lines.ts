// Splits article text into numbered lines, tolerant of a BOM and of CRLF, CR or LF line ends.

export interface Line {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

/** Removes a leading byte-order mark: editors on Windows add one and it would end up in the title. */
export function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export function splitLines(text: string): Line[] {
  return stripBom(text).split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
