// Pieces of report.html that only some runs have: the archived copy's verdict, and changes since the last run.
import type { ArchiveCheck, LinkStatus, Verdict } from '../types.js';
import { escapeHtml as esc, safeHref } from './escape.js';
import type { Changes } from './schema.js';

export const badge = (kind: 'v' | 'l', word: Verdict | LinkStatus): string =>
  `<span class="badge ${kind}-${word}">${word}</span>`;

/** An http(s) link that leaks no referrer and opens apart from the report; anything else is plain text. */
export function link(url: string | undefined, label?: string): string {
  if (!url) return '<em>none</em>';
  const href = safeHref(url);
  const text = esc(label ?? url);
  return href ? `<a href="${esc(href)}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>` : `<span>${text}</span>`;
}

/** The same claim judged against the archived copy: what a reader needs to repair a dead footnote. */
export function renderArchiveCheck(a: ArchiveCheck, highlightSnippet: (snippet: string) => string): string {
  const when = a.capturedAt ? ` captured ${esc(a.capturedAt.slice(0, 10))}` : '';
  const evidence = a.evidence ? `<blockquote class="evidence">${highlightSnippet(a.evidence.snippet)}</blockquote>` : '';
  return `<div class="archive-check">
<p class="cit-head"><strong>Archived copy</strong>${badge('v', a.verdict)}${badge('l', a.linkStatus)}<span class="meta">score ${a.score.toFixed(2)}${when}</span></p>
<ul class="links"><li>${link(a.url)}</li></ul>
${evidence}<p class="reason">${esc(a.reason)}</p>
</div>`;
}

const day = (iso: string): string => esc(iso.slice(0, 10));
const refs = (r: readonly number[]): string => r.map((n) => `[${n}]`).join(' ');

export function renderChangesHtml(c: Changes | undefined): string {
  if (!c) return '';
  const group = (title: string, items: string[]): string => (items.length === 0 ? ''
    : `<h3>${title} (${items.length})</h3>\n<ul>${items.map((i) => `<li>${i}</li>`).join('\n')}</ul>`);
  const body = [
    group('Newly dead', c.newlyDead.map((b) => `${refs(b.refs)} ${link(b.url)} ${badge('l', b.linkStatus)} failing since ${day(b.since)}`)),
    group('Newly broken', c.newlyBroken.map((b) => `${refs(b.refs)} ${link(b.url)} ${badge('l', b.linkStatus)} strike ${b.strikes}`)),
    group('Content drift', c.drifted.map((d) => `${refs(d.refs)} ${link(d.url)} no longer contains ${d.lostPhrases.map((p) => `<span class="miss">${esc(p)}</span>`).join(', ')} (found on ${day(d.previousAt)})`)),
    group('About to be declared dead', c.aboutToDie.map((b) => `${refs(b.refs)} ${link(b.url)} ${b.strikes} strikes since ${day(b.since)}`)),
    group('Still broken', c.stillBroken.map((b) => `${refs(b.refs)} ${link(b.url)} ${badge('l', b.linkStatus)} since ${day(b.since)}`)),
    group('Recovered', c.recovered.map((r) => `${refs(r.refs)} ${link(r.url)} ${badge('l', r.linkStatus)} again (broken since ${day(r.brokenSince)})`)),
  ].filter(Boolean).join('\n');
  return `<section aria-labelledby="changes-h">
<h2 id="changes-h">${c.previousRunAt ? `Changes since the run of ${day(c.previousRunAt)}` : 'First recorded run: link status as of now'}</h2>
${body || '<p>Nothing changed.</p>'}
</section>`;
}
