// Archived copies for sources the live web failed: find one, fetch it raw, read and judge it like the live page.
import type { Reference } from '../config/schema.js';
import type { Source } from '../source.js';
import type { LinkStatus, SourceFetch } from '../types.js';
import { timestampToMs } from './cdx.js';
import { isDeprecatedArchive } from './deprecated.js';
import type { WaybackClient } from './wayback.js';

/** Live statuses worth an archive lookup: the page is gone, unreadable or behind a wall. */
export const ARCHIVE_WORTHY: ReadonlySet<LinkStatus> = new Set<LinkStatus>([
  'dead', 'soft-404', 'blocked', 'paywalled', 'error', 'timeout',
]);

export interface ArchiveStep {
  /** Absent: only `archiveUrl` from references.json is tried (no lookups). */
  wayback?: Pick<WaybackClient, 'lookupCapture' | 'replayUrl'>;
  fetch(urls: readonly string[]): Promise<ReadonlyMap<string, SourceFetch>>;
}

const REPLAY_URL = /\/web\/(\d{14})id_\/(.+)$/;

/**
 * Wayback lookups answered from a replay file: the capture a recorded run fetched for a URL is the
 * one to use again, so a replay reproduces the archive verdicts without asking the archive.
 */
export function replayedWayback(replay: ReadonlyMap<string, SourceFetch>): NonNullable<ArchiveStep['wayback']> {
  const byOriginal = new Map<string, { url: string; timestamp: string }>();
  for (const url of replay.keys()) {
    const m = REPLAY_URL.exec(url);
    if (m?.[1] && m[2]) byOriginal.set(m[2], { url, timestamp: m[1] });
  }
  return {
    lookupCapture: async (url) => {
      const hit = byOriginal.get(url);
      if (!hit) return { kind: 'none' };
      const capturedAt = new Date(timestampToMs(hit.timestamp)).toISOString();
      return { kind: 'found', capture: { timestamp: hit.timestamp, original: url, statusCode: 200, digest: '', mimeType: '', capturedAt } };
    },
    replayUrl: (c) => byOriginal.get(c.original)?.url ?? '',
  };
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
    // archive.today is never fetched (reported as a finding); a Wayback copy is looked up instead.
    const given = s.archiveUrl && !isDeprecatedArchive(s.archiveUrl) ? s.archiveUrl : undefined;
    if (given) {
      s.archive = { url: given };
    } else if (step.wayback) {
      const found = await step.wayback.lookupCapture(s.url, aroundDate(references.get(s.ref), now));
      if (found.kind === 'error') s.archiveError = found.reason;
      if (found.kind !== 'found') continue;
      s.archive = { url: step.wayback.replayUrl(found.capture), capturedAt: found.capture.capturedAt };
    }
    if (s.archive) planned.push(s);
  }
  const fetched = await step.fetch([...new Set(planned.flatMap((s) => (s.archive ? [s.archive.url] : [])))]);
  if (planned.length === 0) return;
  // The readers load only when a run has archived copies to read.
  const [{ readPage }, { judgeLink }] = await Promise.all([import('../page/read.js'), import('../judge/link.js')]);
  for (const s of planned) {
    const f = s.archive ? fetched.get(s.archive.url) : undefined;
    if (!s.archive || !f) continue;
    s.archive.fetch = f;
    s.archive.page = await readPage(f);
    s.archive.link = judgeLink(f, s.archive.page);
  }
}
