// Archived copies for sources the live web failed: find one, fetch it raw, read and judge it like the live page.
import type { Reference } from '../config/schema.js';
import { judgeLink } from '../judge/link.js';
import { readPage } from '../page/read.js';
import type { Source } from '../source.js';
import type { LinkStatus, SourceFetch } from '../types.js';
import { isDeprecatedArchive } from './deprecated.js';
import type { WaybackClient } from './wayback.js';

/** Live statuses worth an archive lookup: the page is gone, unreadable or behind a wall. */
export const ARCHIVE_WORTHY: ReadonlySet<LinkStatus> = new Set<LinkStatus>([
  'dead', 'soft-404', 'blocked', 'paywalled', 'error', 'timeout',
]);

export interface ArchiveStep {
  /** Absent: only `archiveUrl` from references.json is tried (no lookups, e.g. in replay runs). */
  wayback?: WaybackClient;
  fetch(urls: readonly string[]): Promise<ReadonlyMap<string, SourceFetch>>;
}

/** The date to look around: when the author read the source, else when it was published, else now. */
function aroundDate(reference: Reference | undefined, now: Date): Date {
  for (const d of [reference?.accessDate, reference?.date]) {
    if (d && !Number.isNaN(Date.parse(d))) return new Date(d);
  }
  return now;
}

/** Sets `source.archive` for each source that needs one; failures stay values on the source. */
export async function checkArchives(
  sources: readonly Source[], references: ReadonlyMap<number, Reference>, step: ArchiveStep, now: Date,
): Promise<void> {
  const planned: Source[] = [];
  for (const s of sources) {
    if (!s.url) continue;
    const given = s.archiveUrl;
    if (given && isDeprecatedArchive(given)) continue; // reported as a finding, never fetched
    if (given) {
      s.archive = { url: given };
    } else if (step.wayback) {
      const found = await step.wayback.lookupCapture(s.url, aroundDate(references.get(s.ref), now));
      if (found.kind !== 'found') continue;
      s.archive = { url: step.wayback.replayUrl(found.capture), capturedAt: found.capture.capturedAt };
    }
    if (s.archive) planned.push(s);
  }
  const fetched = await step.fetch([...new Set(planned.flatMap((s) => (s.archive ? [s.archive.url] : [])))]);
  for (const s of planned) {
    const f = s.archive ? fetched.get(s.archive.url) : undefined;
    if (!s.archive || !f) continue;
    s.archive.fetch = f;
    s.archive.page = await readPage(f);
    s.archive.link = judgeLink(f, s.archive.page);
  }
}
