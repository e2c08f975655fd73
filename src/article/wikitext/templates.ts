// Which wikitext templates carry prose (rendered to their words) and which make references; all others are dropped.
import type { AstNodes, ParameterToken, TranscludeToken } from 'wikiparser-node';

/** `Template:Cite_web` → `cite web`; magic words (`#tag`, `DISPLAYTITLE`) → lower case. */
export function templateKey(t: TranscludeToken): string {
  return t.name.replace(/^Template:/u, '').replace(/_/gu, ' ').trim().toLowerCase();
}

/** A template's words: a parameter's value (exact source offsets) or fixed text (at the template). */
export type Part = { value: ParameterToken } | { text: string };

const positional = (t: TranscludeToken): ParameterToken[] => t.getAllArgs().filter((p) => p.anon);
const arg = (t: TranscludeToken, key: string | number) => t.getArg(key);
const valueOf = (p: ParameterToken | undefined): Part[] => (p ? [{ value: p }] : []);
const textOf = (p: ParameterToken | undefined): string => p?.getValue().trim() ?? '';

// Templates whose first positional parameter is the words readers see.
const FIRST_PARAM = new Set(['nowrap', 'nobr', 'nobreak', 'small', 'smaller', 'big', 'larger', 'abbr', 'ill',
  'interlanguage link', 'visible anchor', 'em', 'strong', 'not a typo', 'proper name', 'noitalic', 'lang-x',
  'respell', 'wikt-lang', 'linktext', 'serif', 'sans-serif', 'tooltip', 'keypress']);
const FIXED: Record<string, string> = { nbsp: ' ', ndash: '–', mdash: '—', snd: ' – ', 'spaced ndash': ' – ',
  'spaced en dash': ' – ', '\'': '\'', '\'\'': '"', '-': '', 'thinsp': ' ', 'sp': ' ' };
const CONVERT_JOINERS = new Set(['to', '-', '–', 'and', 'or', 'by', 'x', '×', 'to(-)', 'and(-)', '+/-', '±']);

/** `{{convert|31|m}}` → `31 m`, `{{convert|1|to|2|km}}` → `1 to 2 km` (the conversion in brackets is left out). */
function convert(t: TranscludeToken): Part[] {
  const [first, second, third, fourth] = positional(t);
  if (!first) return [];
  if (second && CONVERT_JOINERS.has(textOf(second)) && third) {
    return [{ value: first }, { text: ` ${textOf(second)} ` }, { value: third }, { text: ` ${textOf(fourth)}` }];
  }
  return [{ value: first }, { text: second ? ` ${textOf(second)}` : '' }];
}

/** The words a prose template renders to, or undefined when the template is not prose (infobox, navbox, tags…). */
export function proseParts(key: string, t: TranscludeToken): Part[] | undefined {
  if (key in FIXED) return [{ text: FIXED[key] ?? '' }];
  if (FIRST_PARAM.has(key)) return valueOf(positional(t)[0]);
  if (key === 'lang' || key === 'transl' || key === 'transliteration') return valueOf(positional(t).at(-1));
  if (key.startsWith('lang-')) return valueOf(positional(t)[0]);
  if (key === 'convert' || key === 'cvt') return convert(t);
  if (key === 'circa' || key === 'c.') return [{ text: 'c. ' }, ...valueOf(positional(t)[0])];
  if (key === 'as of') return [{ text: `As of ${positional(t).map(textOf).join(' ')}` }];
  if (key === 'sic') {
    const hidden = arg(t, 'hide') !== undefined;
    const words = positional(t).flatMap((p): Part[] => [{ value: p }]);
    return hidden ? words : [...words, { text: words.length > 0 ? ' [sic]' : '[sic]' }];
  }
  return undefined;
}

// Explanatory-note templates and the group their notes number in.
const NOTE_GROUPS: Record<string, string> = { efn: 'lower-alpha', 'efn-ua': 'upper-alpha', 'efn-lr': 'lower-roman',
  'efn-ur': 'upper-roman', 'efn-lg': 'lower-greek', 'efn-la': 'lower-alpha', notetag: 'note', 'note tag': 'note' };

/** A template that makes a footnote: its group, name and content. */
export interface RefTemplate {
  group: string;
  name?: string;
  content?: AstNodes;
  /** `{{r|a|b}}`: several named reuses. */
  names?: string[];
  /** `{{sfn|Smith|2020|p=25}}`: a short citation with no URL, reused when identical. */
  short?: string;
}

const named = (t: TranscludeToken): { name?: string } => {
  const name = textOf(arg(t, 'name'));
  return name ? { name } : {};
};

/** Templates that stand for `<ref>` (efn, refn, r, sfn, #tag:ref); undefined for any other. */
export function refTemplate(key: string, t: TranscludeToken): RefTemplate | undefined {
  const noteGroup = NOTE_GROUPS[key];
  const content = (p: ParameterToken | undefined) => (p?.getValue().trim() ? { content: p.lastChild } : {});
  if (noteGroup !== undefined) return { group: textOf(arg(t, 'group')) || noteGroup, ...named(t), ...content(positional(t)[0]) };
  if (key === 'refn') return { group: textOf(arg(t, 'group')), ...named(t), ...content(positional(t)[0]) };
  if (key === '#tag' && textOf(positional(t)[0]) === 'ref') {
    return { group: textOf(arg(t, 'group')), ...named(t), ...content(positional(t)[1]) };
  }
  if (key === 'r') return { group: textOf(arg(t, 'group') ?? arg(t, 'g')), names: positional(t).map(textOf).filter(Boolean) };
  if (key === 'sfn' || key === 'sfnp') {
    const [who, ...rest] = positional(t).map(textOf);
    const page = textOf(arg(t, 'p') ?? arg(t, 'pp') ?? arg(t, 'loc'));
    const year = rest.at(-1) ?? '';
    const short = `${[who, ...rest.slice(0, -1)].filter(Boolean).join(' & ')} ${year}${page ? `, p. ${page}` : ''}`.trim();
    return { group: '', short };
  }
  return undefined;
}

/** The note group a list template shows: `{{notelist}}` lower-alpha, `{{notelist-lr}}` lower-roman, `group=` else. */
export function listGroup(key: string, t: TranscludeToken): string {
  const given = textOf(arg(t, 'group'));
  if (given) return given;
  if (!key.startsWith('notelist')) return '';
  const suffix = key.slice('notelist'.length).replace(/^-/u, '');
  return NOTE_GROUPS[suffix ? `efn-${suffix}` : 'efn'] ?? 'lower-alpha';
}

/** Reference-list templates whose `refs=` holds list-defined references. */
export function isListTemplate(key: string): boolean {
  return /^(?:reflist|references|notelist(?:-[a-z]+)?|notefoot|refbegin)$/u.test(key);
}
