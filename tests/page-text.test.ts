import { describe, expect, it } from 'vitest';
import { collectBlockText } from '../src/page/block-text.js';
import { countWords, parseDocument, tidyText } from '../src/page/dom.js';

function textOf(html: string): string {
  const doc = parseDocument(`<html><body>${html}</body></html>`);
  return doc.body ? collectBlockText(doc.body) : '';
}

describe('collectBlockText', () => {
  it.each([
    ['paragraphs become lines', '<p>He said.</p><p>The next.</p>', 'He said.\nThe next.'],
    ['divs and headings too', '<h2>Title</h2><div>One</div><div>Two</div>', 'Title\nOne\nTwo'],
    ['inline elements stay inline', '<p>An <b>important</b> <a href="#">link</a>.</p>', 'An important link.'],
    ['br breaks a line', '<p>Line one<br>Line two</p>', 'Line one\nLine two'],
    ['list items', '<ul><li>First</li><li>Second</li></ul>', 'First\nSecond'],
    ['table cells are spaced, rows are lines', '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>', 'a b\nc d'],
    ['whitespace collapses, nbsp included', '<p>  lots \n of\u00a0\u00a0space  </p>', 'lots of space'],
    ['script, style, template, noscript, svg, iframe dropped', '<p>kept</p><script>x()</script><style>p{}</style><template>t</template><noscript>n</noscript><svg><text>s</text></svg><iframe>i</iframe>', 'kept'],
    ['hidden and display:none dropped', '<p>shown</p><p hidden>h1</p><div style="display: none">h2</div>', 'shown'],
    ['pre keeps its line breaks', '<pre>line 1\nline 2</pre>', 'line 1\nline 2'],
    ['source newlines inside a paragraph are spaces', '<p>The minister\nsaid on\r\nFriday.</p>', 'The minister said on Friday.'],
    ['entities decoded', '<p>Fish &amp; chips &mdash; &#169; 2024</p>', 'Fish & chips — © 2024'],
  ])('%s', (_, html, expected) => {
    expect(textOf(html)).toBe(expected);
  });
});

describe('tidyText and countWords', () => {
  it.each([
    ['  a  \n\n\n b ', 'a\nb'],
    ['\t\tx\ty', 'x y'],
  ])('tidies %j', (input, expected) => {
    expect(tidyText(input)).toBe(expected);
  });

  it.each<[string, number | undefined, number]>([
    ['one two  three', undefined, 3],
    ['', undefined, 0],
    ['a b c d e f', 2, 3],
  ])('counts words in %j (cap %s)', (text, cap, expected) => {
    expect(countWords(text, cap)).toBe(expected);
  });

  it('counts what a `\\S+` match counts, with every kind of whitespace a regular expression knows', () => {
    const pieces = ['word', 'ß', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085', '\u2028', '\t', '\n', '\v', ' ', '\u1680', '\u202f', '\ud83d\ude00', '-'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: next() % 30 }, () => pieces[next() % pieces.length]).join('');
      const words = text.match(/\S+/g)?.length ?? 0;
      expect(countWords(text), JSON.stringify(text)).toBe(words);
      expect(countWords(text, 2)).toBe(Math.min(words, 3));
    }
  });
});
