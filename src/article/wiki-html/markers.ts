// Reads one footnote marker of either HTML form: its target note, visible label and group.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import * as z from 'zod';

/** Parsoid markers by typeof token, legacy ones by class (Parsoid's carry the class too since 2020). */
export const MARKER_SELECTOR = 'sup[typeof~="mw:Extension/ref"], sup.reference';

export interface WikiMarker {
  el: Element;
  /** The id of the note it points to, percent-decoded (`cite_note-insee-1`). */
  fragment: string;
  /** What readers see between the brackets: `1`, `a`, `note 1`, `1.1`. */
  label: string;
  /** '' for the numbered references; `note`, `lower-alpha`, … for explanatory notes. */
  group: string;
  /** The footnote number for a numbered reference (the visible one, not the id counter). */
  ref?: number;
}

const RefDataMw = z.looseObject({
  attrs: z.looseObject({ group: z.string().optional() }).optional(),
});

/** Parsoid's data-mw attrs.group; undefined when the attribute is absent or not the expected JSON. */
function dataMwGroup(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed = RefDataMw.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.attrs?.group : undefined;
  } catch {
    return undefined;
  }
}

export function decodeFragment(href: string): string | undefined {
  const at = href.indexOf('#');
  if (at < 0) return undefined;
  try {
    return decodeURIComponent(href.slice(at + 1));
  } catch {
    return href.slice(at + 1);
  }
}

/**
 * `groupOfList` gives the group of the list that holds a note id (legacy saves carry the group only
 * there). A label that is not a number (`a`, `note 1`) is a note even when nothing names its group.
 */
export function readMarker($: CheerioAPI, el: Element, groupOfList: (fragment: string) => string | undefined): WikiMarker | undefined {
  const link = $(el).find('a[href*="#"]').first();
  const fragment = decodeFragment(link.attr('href') ?? '');
  if (fragment === undefined || fragment === '') return undefined;
  const label = link.text().replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();
  const group = dataMwGroup($(el).attr('data-mw')) ?? link.attr('data-mw-group') ?? groupOfList(fragment)
    ?? (/^\d+(?:\.\d+)?$/.test(label) ? '' : label.replace(/\s*\d+$/, '') || 'note');
  const marker: WikiMarker = { el, fragment, label, group };
  const number = /^(\d+)(?:\.\d+)?$/.exec(label);
  if (group === '' && number) marker.ref = Number(number[1]);
  else if (group === '') marker.group = 'note';
  return marker;
}
