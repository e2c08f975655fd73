// planSource's no-URL reasons (not blaming references.json alone) and markOffline with loopback sources in the run.
import { describe, expect, it } from 'vitest';
import { markOffline, planSource, type Source } from '../src/source.js';
import type { SourceFetch } from '../src/types.js';

const dnsFailure = (url: string): SourceFetch => ({
  url, finalUrl: url, redirects: [], attempts: 1, elapsedMs: 1,
  outcome: { kind: 'failure', failure: 'dns', message: 'getaddrinfo ENOTFOUND' },
});
const answered = (url: string): SourceFetch => ({
  url, finalUrl: url, redirects: [], attempts: 1, elapsedMs: 1,
  outcome: { kind: 'response', status: 200, headers: {}, body: new Uint8Array(), truncated: false },
});
const source = (ref: number, fetch: SourceFetch): Source => ({ ref, url: fetch.url, fetch, link: { linkStatus: 'dead', reason: 'host name not found' } });

describe('planSource', () => {
  it('a footnote with no reference names both places a reference can come from', () => {
    const s = planSource(2, undefined);
    expect(s.link?.linkStatus).toBe('no-url');
    expect(s.link?.reason).toBe("no reference [2] in the article's reference list or references.json");
  });

  it('a reference without a URL says neither the article nor references.json gives one', () => {
    const s = planSource(1, { id: 1, title: 'Harbour records' });
    expect(s.link?.linkStatus).toBe('no-url');
    expect(s.link?.reason).toMatch(/^no URL for this reference \(neither the article's reference list nor references\.json/);
  });

  it('a URL that is not http(s) is invalid-url, and a good one is left for the fetch', () => {
    expect(planSource(3, { id: 3, url: 'ftp://x.example/a' }).link?.linkStatus).toBe('invalid-url');
    const ok = planSource(4, { id: 4, url: ' https://x.example/a ' });
    expect(ok.url).toBe('https://x.example/a');
    expect(ok.link).toBeUndefined();
  });
});

describe('markOffline', () => {
  it('every named host failing DNS is offline even when a loopback or IP source answered', () => {
    const named = [source(1, dnsFailure('https://courier.example.org/a')), source(2, dnsFailure('https://rail.example.org/b'))];
    const local = source(3, answered('http://127.0.0.1:8080/h'));
    local.link = { linkStatus: 'ok', reason: '200' };
    const lh = source(4, answered('http://localhost:8080/x'));
    lh.link = { linkStatus: 'ok', reason: '200' };
    const v6 = source(5, answered('http://[::1]:8080/y'));
    v6.link = { linkStatus: 'ok', reason: '200' };
    expect(markOffline([...named, local, lh, v6])).toBe(true);
    expect(named.map((s) => s.link?.linkStatus)).toEqual(['error', 'error']);
    expect([local, lh, v6].map((s) => s.link?.linkStatus)).toEqual(['ok', 'ok', 'ok']);
  });

  it('one named host that answered means the network works: DNS failures stay dead', () => {
    const gone = source(1, dnsFailure('https://gone.example.org/a'));
    expect(markOffline([gone, source(2, answered('https://up.example.org/b'))])).toBe(false);
    expect(gone.link?.linkStatus).toBe('dead');
  });

  it('a run of IP-literal sources only is never offline', () => {
    expect(markOffline([source(1, dnsFailure('http://10.0.0.1/a'))])).toBe(false);
  });
});
