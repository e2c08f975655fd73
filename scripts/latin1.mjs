// The bundle's sources kept one byte a character: escapes what esbuild leaves above U+00FF (comments, regular expressions).
//
// V8 holds a script's source for as long as the script lives (lazy functions compile from it), once per
// isolate: in the main thread and in each reading thread. A source with one character above U+00FF is
// held two bytes a character, so one em dash in a comment of linkedom's 770 KB chunk cost 770 KB in
// every thread. esbuild's output is ASCII in strings, identifiers and untagged templates; it leaves
// comments, regular expressions and raw (tagged) templates as written. The first two take a `\uXXXX`
// escape without changing what the code does; a template and a character after a backslash are kept.
import ts from 'typescript';

const ABOVE_LATIN1 = /[^\u0000-\u00ff]/gu;

/** `\uXXXX` for each UTF-16 unit: a surrogate pair escaped this way is the same code point, with or without the `u` flag. */
function escapeUnits(character) {
  return Array.from({ length: character.length }, (_, i) => `\\u${character.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
}

/** Where the template literals are, in order: [start, end) of each outermost one. */
function templateRanges(code) {
  const file = ts.createSourceFile('chunk.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const ranges = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.TemplateExpression || node.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
      ranges.push([node.getStart(file), node.end]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return ranges;
}

/**
 * The code with every character above U+00FF outside template literals, and not after a backslash,
 * escaped; `kept` counts those left as they were (the source then stays two bytes a character).
 */
export function latin1Source(code) {
  if (!code.match(ABOVE_LATIN1)) return { code, kept: 0 };
  const templates = templateRanges(code);
  let next = 0;
  let kept = 0;
  const escaped = code.replace(ABOVE_LATIN1, (character, offset) => {
    while (next < templates.length && templates[next][1] <= offset) next++;
    const inTemplate = next < templates.length && templates[next][0] <= offset;
    if (inTemplate || code[offset - 1] === '\\') {
      kept++;
      return character;
    }
    return escapeUnits(character);
  });
  return { code: escaped, kept };
}
