// Fatal input errors and the exit codes the CLI maps them to. Everything else is a value.

export const EXIT = { ok: 0, failOn: 1, usage: 2 } as const;

/** Bad input the user must fix: a malformed references.json, an unreadable article, a bad flag. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}
