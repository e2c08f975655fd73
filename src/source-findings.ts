// Findings about the sources as a whole: offline runs, missing URLs, deprecated archives, metadata
// that disagrees with what the page itself says.
import { isDeprecatedArchive } from './archive/deprecated.js';
import type { Reference } from './config/schema.js';
import type { Source } from './source.js';
import { isReadStatus } from './judge/verdict.js';
import { metadataFindings } from './metadata-findings.js';
import type { Finding, ListedReference } from './types.js';

export function sourceFindings(
  sources: ReadonlyMap<number, Source>, byId: ReadonlyMap<number, Reference>, offline: boolean,
  listed: readonly ListedReference[] = [],
): Finding[] {
  const findings: Finding[] = [];
  const listedById = new Map(listed.map((l) => [l.id, l]));
  if (offline) {
    findings.push({ kind: 'offline', message: 'Name resolution failed for every host: nothing could be reached. ' +
      'Check the network (or DNS) and run again; no source was judged dead.' });
  }
  for (const [ref, s] of sources) {
    const reference = byId.get(ref);
    if (!s.url) {
      findings.push({ kind: 'reference-without-url', ref, message: reference
        ? `reference [${ref}] has no URL: neither the article's reference list nor references.json gives one`
        : `footnote [${ref}] is cited but neither the article's reference list nor references.json has it` });
    }
    if (s.archiveUrl && isDeprecatedArchive(s.archiveUrl)) {
      findings.push({ kind: 'deprecated-archive', ref, message: `reference [${ref}]: archive.today is deprecated ` +
        `(tampered captures; Wikipedia RfC, Feb 2026) and is never fetched; replace ${s.archiveUrl} with a Wayback copy` });
    }
    if (s.credentialsRemoved) {
      findings.push({ kind: 'credentials-in-url', ref, message: `reference [${ref}]: its URL carried a user name or ` +
        'password; it was removed from every report and not sent. Remove it from the article and references.json, and change it' });
    }
    if (s.archiveError) {
      findings.push({ kind: 'archive-unavailable', ref, message: `reference [${ref}]: the archive lookup failed ` +
        `(${s.archiveError}); run again later` });
    }
    // only a page that was read has metadata of its own (a 404 page's title is not the source's)
    if (s.link && isReadStatus(s.link.linkStatus)) findings.push(...metadataFindings(ref, listedById.get(ref), reference, s.page));
  }
  // A finding about a reference sits at its row of the article's reference list, when the article has one.
  return findings.map((f) => {
    const line = f.ref === undefined || f.line !== undefined ? undefined : listedById.get(f.ref)?.line;
    return line === undefined ? f : { ...f, line };
  });
}

/** references.json entries no marker cites (unless the article's own list already said so). */
export function unusedReferences(
  references: readonly Reference[], cited: ReadonlySet<number>, articleFindings: readonly Finding[],
): Finding[] {
  const flagged = new Set(articleFindings.filter((f) => f.kind === 'reference-never-cited').map((f) => f.ref));
  return references.filter((r) => !cited.has(r.id) && !flagged.has(r.id)).map((r) => ({
    kind: 'reference-never-cited', ref: r.id, message: `references.json has an entry [${r.id}] that no footnote in the article cites`,
  }));
}
