// Everything citecheck prints to a terminal passes here: page- and article-derived text must not drive it.

/**
 * Escape sequences a terminal acts on, in their 7-bit (ESC …) and 8-bit (C1) forms: CSI (colours,
 * cursor moves, screen clears), OSC (window title, hyperlinks, clipboard) and DCS/SOS/PM/APC strings,
 * each removed whole so no half of a sequence is left to print. An unterminated string runs to the end.
 */
// eslint-disable-next-line no-control-regex
const SEQUENCES = /(?:\x1b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)?|\x1b[ -/]*[0-~]?/g;

/** What is left that a terminal could act on: C0 controls bar tab and newline, DEL, C1, and non-characters. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe to write to a terminal: escape sequences and control characters removed, tabs and newlines kept. */
export function terminalSafe(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '');
}

/** JSON for stdout without changing its data: C1 controls and non-characters written as \u escapes. */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u0080-\u009f\u2028\u2029\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function printErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}
