// A fourth batch from a review of wrong `supported` verdicts: rounded amounts, far negations, other people with the same surname, related JSON-LD items, navigation-only matches.
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const aid = newsPage({
  title: 'Russia pledges aid to Gaza as UN warns of crisis',
  date: '2023-11-02',
  paragraphs: [
    'Russia pledged $600 million in humanitarian aid to Gaza on Thursday, the foreign ministry in Moscow said.',
    'Some 1.6 million people have fled their homes in Gaza since the war began, according to United Nations figures.',
    'Russia has not, unlike the United States and the European Union, ever designated Hamas a terrorist organisation, and it continues to receive the group\'s officials.',
    'Mikhail Zakharov, a political analyst at a Moscow university, called the visit a provocation aimed at Washington.',
    'The Security Council failed to adopt the Russian resolution on Gaza on Monday, after the United States voted against it.',
    'Iraq supplied weapons to Hamas in the 1990s, according to a report by a London research group published this week.',
  ],
});

const winter = newsPage({
  title: 'Moscow braces for a cold winter',
  date: '2023-10-27',
  paragraphs: [
    'The weather in Moscow was cold this week, and the city prepared for winter with snow ploughs and extra heating in public buildings.',
    'Forecasters expect temperatures to fall below minus 20 degrees in December, the city weather service said.',
  ],
  jsonld: { '@context': 'https://schema.org', '@graph': [
    { '@type': 'NewsArticle', headline: 'Moscow braces for a cold winter', description: 'The city prepares snow ploughs and extra heating.' },
    { '@type': 'NewsArticle', headline: 'Russia hosted a Hamas delegation in Moscow on 26 October 2023', url: 'https://example.org/hamas-delegation' },
  ] },
});

const delegation = newsPage({
  title: 'Hamas officials in Moscow: a history of contacts',
  date: '2023-10-26',
  paragraphs: [
    'In 2019 a Hamas delegation led by Mousa Abu Marzouk visited Moscow for talks with Russian officials.',
    'Russia has kept contacts with the group since 2006, when it invited its leaders after their election victory.',
  ],
});

const hostages = newsPage({
  title: 'Zakharova meets Hamas officials',
  date: '2023-10-27',
  paragraphs: [
    'Foreign ministry spokeswoman Maria Zakharova met Hamas officials in Moscow and discussed the fate of the hostages.',
    'The meeting lasted two hours, the ministry said, without giving further details.',
    'Diplomats in the region followed the contacts closely, and analysts offered a range of views on what they might mean for the months ahead.',
    'Several Western governments criticised the invitation, saying it lent legitimacy to the group at a time of war.',
    'Officials in Moscow rejected that criticism and said Russia would keep talking to all sides in the conflict.',
    'Washington has long designated Hamas a "terrorist organisation", a position the Russian government does not share.',
  ],
});

const displaced = newsPage({
  title: 'UN: war has displaced 1.5 million people',
  date: '2023-11-10',
  paragraphs: ['The war has displaced 1.5 million people, the UN said on Friday, and aid agencies warned of shortages of food and water.'],
});

/** A thin article body: the claim appears only as the text of a navigation link. */
const navOnly = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets calm | The Daily Example</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world/hamas-moscow">Russia hosted a Hamas delegation in Moscow on 26 October 2023</a></nav></header>
<main><article><h1>Markets calm</h1><p>Markets in Moscow were calm on Friday, traders said.</p></article></main>
<footer><p>© 2023 The Daily Example.</p></footer></body></html>`;

const on = (html: string) => ({ html });

export const REVIEW_CASES: EvalCase[] = [
  { id: 'review-pledge-rounded-up', claim: 'Russia pledged $1 billion in humanitarian aid to Gaza.', source: on(aid), expected: 'unsupported', note: 'source says $600 million; not a rounding of it' },
  { id: 'review-pledge-right', claim: 'Russia pledged $600m in humanitarian aid to Gaza.', source: on(aid), expected: 'supported', note: '$600m vs $600 million' },
  { id: 'review-fled-rounded-up', claim: 'Some 2 million people have fled their homes in Gaza.', source: on(aid), expected: 'unsupported', note: 'source says 1.6 million' },
  { id: 'review-fled-right', claim: 'About 1.6 million people have fled their homes in Gaza since the war began.', source: on(aid), expected: 'supported', note: 'paraphrase with the figure' },
  { id: 'review-designation-far-negation', claim: 'Russia has designated Hamas a terrorist organisation.', source: on(aid), expected: 'unsupported', note: 'the source negates it, the cue far before the verb' },
  { id: 'review-analyst-other-person', claim: 'Maria Zakharova called the visit a provocation aimed at Washington.', source: on(aid), expected: 'unsupported', note: 'the source says Mikhail Zakharov, an analyst' },
  { id: 'review-resolution-failed', claim: 'The Security Council adopted the Russian resolution on Gaza on Monday.', source: on(aid), expected: 'unsupported', note: 'the source says it failed to adopt it' },
  { id: 'review-resolution-negated', claim: 'The Security Council did not adopt the Russian resolution on Gaza.', source: on(aid), expected: 'supported', note: 'did not adopt vs failed to adopt' },
  { id: 'review-iran-iraq', claim: 'Iran supplied weapons to Hamas in the 1990s.', source: on(aid), expected: 'unsupported', note: 'the source says Iraq' },
  { id: 'review-jsonld-related', claim: 'Russia hosted a Hamas delegation in Moscow on 26 October 2023.', source: on(winter), expected: 'unsupported', note: 'only a related item in the JSON-LD graph says it; the page is about the weather' },
  { id: 'review-dateline-year', claim: 'In 2023, a Hamas delegation visited Moscow.', source: on(delegation), expected: 'unsupported', note: 'the visit was in 2019; 2023 is only the publication date' },
  { id: 'review-quote-elsewhere', claim: 'Zakharova called Hamas a "terrorist organisation".', source: on(hostages), expected: 'unsupported', note: 'Washington uses the words, paragraphs away; Zakharova does not' },
  { id: 'review-million-abbrev', claim: 'The war has displaced 1.5m people, the UN said.', source: on(displaced), expected: 'supported', note: '1.5m vs 1.5 million' },
  { id: 'review-nav-only', claim: 'Russia hosted a Hamas delegation in Moscow on 26 October 2023.', source: on(navOnly), expected: 'partial', note: 'only a navigation link says it; the article body is short' },
];
