import { describe, expect, it } from 'vitest';
import { metadataFindings, titleOverlap, withoutSiteName } from '../src/metadata-findings.js';
import type { ListedReference, Page } from '../src/types.js';

const page = (publishedDate: string | undefined, title?: string): Page => ({ contentType: 'text/html', charset: 'utf-8', layers: [], signals: {},
  ...(publishedDate ? { publishedDate } : {}), ...(title ? { title } : {}) });
const listed = (over: Partial<ListedReference>): ListedReference => ({ id: 8, uses: 1, title: 'Russia condemns Hamas actions', line: 1, raw: '', ...over });

describe('metadata findings', () => {
  it('reports a cited date the page contradicts, with the days between', () => {
    expect(metadataFindings(2, listed({ date: '2021-03-21' }), undefined, page('2021-05-21T10:00:00+03:00'))).toEqual([expect.objectContaining({
      kind: 'date-mismatch', ref: 2, cited: '2021-03-21', page: '2021-05-21', days: 61 })]);
  });

  it('says a one-day difference may be a time zone, and compares the publisher\'s own date', () => {
    const [f] = metadataFindings(14, listed({ date: '2023-10-13' }), undefined, page('2023-10-14T01:30:00Z'));
    expect(f).toMatchObject({ days: 1 });
    expect(f?.message).toContain('possibly a time-zone difference');
    expect(metadataFindings(14, listed({ date: '2023-10-14' }), undefined, page('2023-10-14T23:30:00-05:00'))).toEqual([]);
  });

  it('uses references.json\'s date only where the reference list shows none', () => {
    expect(metadataFindings(1, listed({}), { id: 1, date: '2024-03-01' }, page('2024-05-14'))[0]).toMatchObject({ cited: '2024-03-01' });
    expect(metadataFindings(1, listed({ date: '2024' }), { id: 1, date: '2024-03-01' }, page('2024-05-14'))).toEqual([]);
  });

  it('reports a cited title that is another headline, not a site name or a small edit', () => {
    expect(withoutSiteName('Putin says war is a failure | The Moscow Times')).toBe('Putin says war is a failure');
    expect(titleOverlap('Putin Says U.S. Foreign Policy Failure Behind Israel-Hamas War', 'Putin says US foreign policy failure is behind Israel-Hamas war')).toBeGreaterThan(0.5);
    const found = metadataFindings(4, listed({ title: 'Putin cautions Israel against using tactics in Gaza like Nazi siege of Leningrad' }), undefined,
      page(undefined, 'Putin says Israeli ground operation in Gaza would lead to unacceptable civilian casualties | Wire'));
    expect(found).toEqual([expect.objectContaining({ kind: 'title-mismatch', page: 'Putin says Israeli ground operation in Gaza would lead to unacceptable civilian casualties' })]);
    expect(metadataFindings(4, listed({ title: 'Рассказываем об истории отношений' }), undefined, page(undefined, 'The history of relations'))).toEqual([]);
  });
});
