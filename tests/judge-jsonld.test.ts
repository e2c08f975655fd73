import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../src/page/jsonld.js';

const own = { '@type': 'NewsArticle', headline: 'Moscow braces for winter', url: 'https://news.example.com/moscow-winter' };
const related = { '@type': 'NewsArticle', headline: 'Russia hosted a Hamas delegation in Moscow on 26 October 2023', url: 'https://news.example.com/hamas' };

describe('readJsonLd keeps only the page\'s own item\'s text', () => {
  it.each<[string, unknown, string | undefined, string[]]>([
    ['a related article after the page\'s own, in @graph', { '@graph': [own, related] }, undefined, ['Moscow braces for winter']],
    ['the item whose url is the page\'s', { '@graph': [related, own] }, 'https://news.example.com/moscow-winter/?utm=x', ['Moscow braces for winter']],
    ['a WebPage\'s mainEntity over an earlier related article', [related, { '@type': 'WebPage', mainEntity: own }], undefined, ['Moscow braces for winter']],
    ['the item declaring mainEntityOfPage', { '@graph': [related, { ...own, mainEntityOfPage: { '@id': own.url } }] }, undefined, ['Moscow braces for winter']],
    ['every item when none is an article', [{ '@type': 'WebPage', description: 'A' }, { '@type': 'Organization', description: 'B' }], undefined, ['A', 'B']],
  ])('%s', (_label, block, url, texts) => {
    expect(readJsonLd([JSON.stringify(block)], url).texts).toEqual(texts);
  });

  it('still reads a paywall flag on another item', () => {
    const facts = readJsonLd([JSON.stringify({ '@graph': [own, { '@type': 'WebPage', isAccessibleForFree: false }] })]);
    expect(facts.lockedFlag).toBe(true);
  });
});
