// What one run tells the history about each fetched source: status, text fingerprint, phrases found.
import type { Source } from '../source.js';
import type { Citation } from '../types.js';
import { fingerprintText } from './fingerprint.js';
import type { SourceCheck } from './rot.js';

export function sourceChecks(sources: Iterable<Source>, citations: readonly Citation[]): SourceCheck[] {
  const checks: SourceCheck[] = [];
  for (const s of sources) {
    if (!s.url || !s.link) continue;
    const response = s.fetch?.outcome.kind === 'response' ? s.fetch.outcome : undefined;
    const text = s.page?.layers[0]?.text;
    const matched = [...new Set(citations.filter((c) => c.ref === s.ref).flatMap((c) => c.matched))];
    checks.push({
      url: s.url,
      ref: s.ref,
      linkStatus: s.link.linkStatus,
      ...(response ? { httpStatus: response.status } : {}),
      ...(s.fetch ? { finalUrl: s.fetch.finalUrl } : {}),
      ...(text ? { textFingerprint: fingerprintText(text) } : {}),
      ...(text ? { matchedPhrases: matched } : {}),
    });
  }
  return checks;
}
