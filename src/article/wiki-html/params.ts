// The citation template's own parameters, from Parsoid's data-mw (the raw wikitext of each one).
import type { Element } from 'domhandler';
import * as z from 'zod';
import { findAll } from './dom.js';

const TemplatePart = z.looseObject({
  template: z.looseObject({
    target: z.looseObject({ wt: z.string().optional(), href: z.string().optional() }),
    params: z.record(z.string(), z.looseObject({ wt: z.string().optional() })).optional(),
  }),
});
const TransclusionDataMw = z.looseObject({ parts: z.array(z.unknown()) });

export type TemplateParams = Map<string, string>;

// Citation templates: CS1 {{cite …}}, CS2 {{citation}}, Vancouver, and their redirects.
const CITATION_TEMPLATE = /^\s*(?:template:)?\s*(?:cite|citation|vcite|cite_)/iu;

/** `[[a|b]]` → b, `''x''` → x, tags and templates out: parameter wikitext as readers see it. */
export function plainWikitext(wt: string): string {
  return wt
    .replace(/\[\[(?:[^|\]]*\|)?([^\]]*)\]\]/gu, '$1')
    .replace(/\[https?:\/\/\S+\s+([^\]]*)\]/gu, '$1')
    .replace(/\{\{[^{}]*\}\}/gu, '')
    .replace(/<[^>]+>/gu, '')
    .replace(/'{2,}/gu, '')
    .replace(/&nbsp;/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function templateParams(raw: string): TemplateParams | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const dataMw = TransclusionDataMw.safeParse(json);
  if (!dataMw.success) return undefined;
  for (const part of dataMw.data.parts) {
    const parsed = TemplatePart.safeParse(part);
    if (!parsed.success) continue;
    const { target, params } = parsed.data.template;
    if (!CITATION_TEMPLATE.test(target.wt ?? target.href?.replace(/^.*\//u, '') ?? '')) continue;
    const out: TemplateParams = new Map();
    for (const [name, value] of Object.entries(params ?? {})) {
      if (value.wt !== undefined && value.wt.trim() !== '') out.set(name.trim().toLowerCase(), value.wt.trim());
    }
    return out;
  }
  return undefined;
}

/** Parameters of the first citation template at or inside `scope` (Parsoid only; legacy HTML has none). */
export function findTemplateParams(scope: Element): TemplateParams | undefined {
  const isTransclusion = (el: Element) => el.attribs['data-mw'] !== undefined && (el.attribs['typeof'] ?? '').split(/\s+/).includes('mw:Transclusion');
  for (const el of [scope, ...findAll(scope, isTransclusion)]) {
    const raw = el.attribs['data-mw'];
    const params = raw === undefined ? undefined : templateParams(raw);
    if (params) return params;
  }
  return undefined;
}

/** The first present parameter among aliases (`access-date`, `accessdate`). */
export function param(params: TemplateParams | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = params?.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}
