import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../src/page/jsonld.js';

describe('readJsonLd', () => {
  it.each<[string, string[], { texts?: string[]; lockedFlag?: boolean; lockedSelectors?: string[]; wordCount?: number; datePublished?: string }]>([
    ['plain object', ['{"@type":"NewsArticle","headline":"H","description":"D","articleBody":"B"}'], { texts: ['H', 'D', 'B'] }],
    ['@graph', ['{"@graph":[{"@type":"WebPage"},{"@type":"Article","headline":"In graph"}]}'], { texts: ['In graph'] }],
    ['top-level array', ['[{"@type":"BreadcrumbList"},{"@type":"Article","alternativeHeadline":"Alt"}]'], { texts: ['Alt'] }],
    ['mainEntity of a WebPage', ['{"@type":"WebPage","mainEntity":{"@type":"Article","articleBody":"Nested body"}}'], { texts: ['Nested body'] }],
    ['several blocks, duplicates once', ['{"headline":"Same"}', '{"headline":"Same","description":"Other"}'], { texts: ['Same', 'Other'] }],
    ['boolean false flag', ['{"isAccessibleForFree":false}'], { lockedFlag: true }],
    ['string "False" flag', ['{"isAccessibleForFree":"False"}'], { lockedFlag: true }],
    ['true flag is not locked', ['{"isAccessibleForFree":"true","hasPart":{"isAccessibleForFree":true,"cssSelector":".x"}}'], { lockedFlag: false, lockedSelectors: [] }],
    ['hasPart array with selectors', ['{"hasPart":[{"isAccessibleForFree":"false","cssSelector":".a"},{"isAccessibleForFree":false,"cssSelector":".b"}]}'], { lockedFlag: true, lockedSelectors: ['.a', '.b'] }],
    ['wordCount as string', ['{"wordCount":"1834"}'], { wordCount: 1834 }],
    ['first datePublished wins', ['{"datePublished":"2020-01-01"}', '{"datePublished":"2021-01-01"}'], { datePublished: '2020-01-01' }],
    ['raw newline and trailing comma repaired', ['{"articleBody":"Line one\nline two",}'], { texts: ['Line one line two'] }],
    ['HTML comment wrapper repaired', ['<!--{"headline":"Commented"}-->'], { texts: ['Commented'] }],
    ['garbage is skipped, good block kept', ['{not json at all', '{"headline":"Good"}'], { texts: ['Good'] }],
  ])('%s', (_, blocks, expected) => {
    expect(readJsonLd(blocks)).toMatchObject(expected);
  });
});
