// Strips what a hostile page or header could smuggle into a report or a terminal: escape sequences, control characters, non-characters.

// ESC-introduced sequences first (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, DCS/SOS/PM/APC `… ST`,
// and two-byte escapes), and their one-byte C1 forms (0x9B CSI, 0x9D OSC, 0x90/0x98/0x9E/0x9F).
const SEQUENCES = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g;
// What is left: C0 controls but tab and line feed, DEL, C1 controls, and the non-characters U+FFFE/U+FFFF.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/g;

/**
 * `text` without terminal escape sequences, control characters (tab and line feed stay), NUL or
 * U+FFFE/U+FFFF: page titles, header values and page text enter reasons, snippets and the summary
 * through this, so no value in a report can retitle a terminal or clear a screen.
 */
export function cleanText(text: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/.test(text)) return text; // the common case: nothing to do
  return text.replace(SEQUENCES, '').replace(CONTROLS, '');
}
