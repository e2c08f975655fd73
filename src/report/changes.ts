// The "what changed since the last run" section: Markdown for report.md, the step summary and stdout.
import type { Changes } from './schema.js';
import { escapeMarkdown } from './escape.js';

const day = (iso: string) => iso.slice(0, 10);
const refs = (r: readonly number[]) => r.map((n) => `[${n}]`).join(' ');

/** Markdown for report.md and the step summary; `plain` for a terminal (URLs exactly as written). */
export function renderChanges(c: Changes, options: { plain?: boolean } = {}): string {
  const esc = options.plain ? (s: string) => s : escapeMarkdown;
  const lines: string[] = [c.previousRunAt ? `## Changes since the run of ${day(c.previousRunAt)}` : '## First recorded run: link status as of now', ''];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(`**${title} (${items.length})**`, '', ...items.map((i) => `- ${i}`), '');
  };
  section('Newly dead (failed checks ≥72 h apart)', c.newlyDead.map((b) => `${refs(b.refs)} ${esc(b.url)} — \`${b.linkStatus}\`, failing since ${day(b.since)}`));
  section('Newly broken', c.newlyBroken.map((b) => `${refs(b.refs)} ${esc(b.url)} — \`${b.linkStatus}\` (strike ${b.strikes})`));
  section('Content drift', c.drifted.map((d) => `${refs(d.refs)} ${esc(d.url)} — no longer contains ${d.lostPhrases.map((p) => `"${esc(p)}"`).join(', ')} (found on ${day(d.previousAt)})`));
  section('About to be declared dead', c.aboutToDie.map((b) => `${refs(b.refs)} ${esc(b.url)} — ${b.strikes} strikes since ${day(b.since)}`));
  section('Still broken', c.stillBroken.map((b) => `${refs(b.refs)} ${esc(b.url)} — \`${b.linkStatus}\` since ${day(b.since)}`));
  section('Recovered', c.recovered.map((r) => `${refs(r.refs)} ${esc(r.url)} — \`${r.linkStatus}\` again (broken since ${day(r.brokenSince)})`));
  if (lines.length === 2) lines.push('Nothing changed.', '');
  return lines.join('\n');
}
