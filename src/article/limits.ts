// The size cap on input files (article, references.json), apart from the readers so the CLI's help can name it cheaply.

/** Default cap: far above any real article, far below a stray disk image. */
export const DEFAULT_MAX_INPUT_MB = 50;

export interface InputLimits {
  /** Bytes an input file may hold (--max-input-size, in MB on the command line). */
  maxBytes?: number;
}
