// Places across languages: countries (i18n-iso-countries) and cities (CLDR's exemplar cities, generated data).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCities, installedZones } from '../scripts/write-cities.mjs';
import { cityOf, countryOf, samePlace } from '../src/judge/exonyms.js';
import { buildPlaceIndex, renderPlaceIndex } from '../src/judge/place-index.js';
import { matchClaim } from '../src/judge/match.js';
import { extractKeyPhrases } from '../src/judge/phrases.js';
import { judgeCitation } from '../src/judge/verdict.js';
import type { Page } from '../src/types.js';

const page = (text: string, language: string): Page => ({
  contentType: 'text/html', charset: 'utf-8', language, signals: {}, layers: [{ layer: 'main', text }],
});
const judge = (claim: string, text: string, language: string) =>
  judgeCitation({ ref: 1, linkStatus: 'ok', linkReason: '200 OK', match: matchClaim(claim, extractKeyPhrases(claim), page(text, language)) });

describe('city names across languages', () => {
  it.each([
    ['cairo', 'en', 'каире', 'ru'],
    ['vienna', 'en', 'wien', 'de'],
    ['warsaw', 'en', 'варшаве', 'ru'],
    ['damascus', 'en', 'дамаск', 'ru'],
    ['cairo', 'en', 'caire', 'fr'],
  ])('%s (%s) ~ %s (%s)', (a, al, b, bl) => {
    expect(samePlace(a, al, b, bl)).toBe(true);
  });

  it.each([
    ['cairo', 'en', 'дамаске', 'ru'],
    ['vienna', 'en', 'berlin', 'de'],
  ])('%s (%s) is not %s (%s)', (a, al, b, bl) => {
    expect(samePlace(a, al, b, bl)).toBe(false);
  });

  it('has no entry for an ordinary word', () => {
    expect(cityOf('council', 'en')).toBeUndefined();
    expect(cityOf('встретился', 'ru')).toBeUndefined();
  });
});

describe('a city in the claim\'s place slot', () => {
  it('the same city under its own name in the source supports the claim (it was "Cairo contradicted: source says Каире")', () => {
    const c = judge('Lavrov met Mashal in Cairo in 2006.', 'В 2006 году Лавров встретился с Машалем в Каире.', 'ru');
    expect(c.verdict).toBe('supported');
    expect(c.reason).toMatch(/Cairo ~ Каире/);
  });

  it('another city still contradicts it', () => {
    const c = judge('Lavrov met Mashal in Cairo in 2006.', 'В 2006 году Лавров встретился с Машалем в Дамаске.', 'ru');
    expect(c).toMatchObject({ verdict: 'unsupported', reason: expect.stringMatching(/Cairo contradicted: source says Дамаске/) });
  });
});

describe('the generated city data', () => {
  it('is what scripts/write-cities.mjs makes from the installed CLDR (regenerate after updating cldr-dates-modern)', () => {
    expect(readFileSync('src/judge/cities-data.ts', 'utf8')).toBe(renderCities(installedZones));
  });
});

describe('the generated place index', () => {
  it('is what buildPlaceIndex makes with this stemmer and data (regenerate: npm run build && node scripts/write-place-index.mjs)', () => {
    expect(readFileSync('src/judge/place-index-data.ts', 'utf8')).toBe(renderPlaceIndex(buildPlaceIndex()));
  });

  it('holds countries by stem and skeleton, and cities per language', () => {
    const index = buildPlaceIndex();
    expect(Object.keys(index.countries).length).toBeGreaterThan(800);
    expect(Object.keys(index.countrySkeletons).length).toBeGreaterThan(500);
    expect(Object.keys(index.cities).length).toBeGreaterThan(2000);
    expect([countryOf('россии', 'ru'), countryOf('russland', 'de'), countryOf('siria', 'it')]).toEqual(['RU', 'RU', 'SY']);
    expect([cityOf('каире', 'ru'), cityOf('kairo', 'de'), cityOf('atlantis', 'en')]).toEqual(['Africa/Cairo', 'Africa/Cairo', undefined]);
  });
});
