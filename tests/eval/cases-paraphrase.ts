// Holdout (issue 12), written before the matcher changed: English claims that paraphrase the source.
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const tower = newsPage({
  title: 'The harbour tower at 150: a short history',
  date: '2022-08-01',
  paragraphs: [
    'Work on the tower started in 1868, and it was completed in 1872 after four years of delays caused by storms and a shortage of skilled masons.',
    'The structure, designed by the engineer Paul Marchand, rises 96 metres above the harbour and was for two decades the tallest building in the region.',
    'It was built with iron shipped from Belgium, and about 2,000 labourers were employed on the site; 14 of them died in accidents.',
    'Today the tower houses a small museum run by the town council.',
  ],
});

const deal = newsPage({
  title: 'Northwind Foods buys Harvest Table',
  date: '2022-03-15',
  paragraphs: [
    'Northwind Foods bought its rival Harvest Table for $1.2 billion in March 2022, the company said in a statement.',
    'Chief executive Laura Okafor said the purchase would let the firm expand into frozen meals, a market it has long wanted to enter.',
    'The deal was approved by competition regulators in June, after Northwind agreed to sell two of its factories.',
  ],
});

const dam = newsPage({
  title: 'Rimac dam collapse: at least 37 dead',
  date: '2019-05-06',
  paragraphs: [
    'At least 37 people died when the Rimac dam collapsed on 4 May 2019, flooding three villages in the valley below.',
    'Rescuers pulled 112 survivors from the mud over the following two days, the civil protection agency said.',
    'The regional governor, Tomas Vidal, blamed heavy rain and poor maintenance, and promised an independent inquiry.',
  ],
});

const comet = newsPage({
  title: 'New comet discovered',
  date: '2024-01-15',
  paragraphs: [
    'Astronomers at the Kessler Observatory discovered a new comet on 12 January 2024, the observatory announced on Monday.',
    'The object, named C/2024 K1, was first spotted by the amateur astronomer Mei Tanaka, who reported it to the observatory the same night.',
  ],
});

const on = (html: string) => ({ html });

export const PARAPHRASE_CASES: EvalCase[] = [
  { id: 'para-tower-began', claim: 'Construction began in 1868.', source: on(tower), expected: 'supported', note: 'began/started, construction/work; "Construction" is not a name' },
  { id: 'para-tower-finished', claim: 'The tower was finished in 1872.', source: on(tower), expected: 'supported', note: 'finished/completed' },
  { id: 'para-tower-wrong-year', claim: 'Construction of the tower began in 1866.', source: on(tower), expected: 'unsupported', note: 'source says 1868' },
  { id: 'para-tower-designer', claim: 'The tower was designed by the engineer Paul Marchand.', source: on(tower), expected: 'supported', note: 'near verbatim' },
  { id: 'para-tower-height', claim: 'The tower is 96 metres tall.', source: on(tower), expected: 'supported', note: 'tall/rises' },
  { id: 'para-tower-iron', claim: 'The tower was constructed with iron imported from Belgium.', source: on(tower), expected: 'supported', note: 'constructed/built, imported/shipped' },
  { id: 'para-tower-killed', claim: 'Fourteen workers were killed during construction of the tower.', source: on(tower), expected: 'supported', note: 'killed/died, workers/labourers, number word' },
  { id: 'para-tower-wrong-deaths', claim: 'Twenty workers died building the tower.', source: on(tower), expected: 'unsupported', note: 'source says 14' },
  { id: 'para-tower-granite', claim: 'The tower was built from granite quarried in Norway.', source: on(tower), expected: 'unsupported', note: 'not said: iron from Belgium' },
  { id: 'para-deal-acquired', claim: 'Northwind Foods acquired Harvest Table for $1.2 billion in March 2022.', source: on(deal), expected: 'supported', note: 'acquired/bought' },
  { id: 'para-deal-wrong-price', claim: 'Northwind Foods purchased Harvest Table for $2.1 billion.', source: on(deal), expected: 'unsupported', note: 'source says $1.2 billion' },
  { id: 'para-deal-okafor', claim: 'Laura Okafor said the acquisition would allow Northwind to grow into frozen meals.', source: on(deal), expected: 'supported', note: 'acquisition/purchase, allow/let, grow/expand' },
  { id: 'para-deal-blocked', claim: 'Competition regulators blocked the deal in June.', source: on(deal), expected: 'unsupported', note: 'source says approved' },
  { id: 'para-deal-factories', claim: 'Northwind agreed to sell two factories to win approval from regulators.', source: on(deal), expected: 'supported', note: 'paraphrase of the condition' },
  { id: 'para-dam-killed', claim: 'The Rimac dam failure on 4 May 2019 killed at least 37 people.', source: on(dam), expected: 'supported', note: 'killed/died, failure/collapse' },
  { id: 'para-dam-rescued', claim: 'Rescue teams rescued 112 survivors from the mud.', source: on(dam), expected: 'supported', note: 'rescued/pulled' },
  { id: 'para-dam-governor', claim: 'Governor Tomas Vidal blamed the disaster on heavy rainfall and bad maintenance.', source: on(dam), expected: 'supported', note: 'rainfall/rain, bad/poor' },
  { id: 'para-dam-earthquake', claim: 'Governor Tomas Vidal blamed an earthquake for the collapse of the dam.', source: on(dam), expected: 'unsupported', note: 'source says rain and maintenance' },
  { id: 'para-dam-wrong-toll', claim: 'At least 73 people died when the Rimac dam collapsed.', source: on(dam), expected: 'unsupported', note: 'source says 37' },
  { id: 'para-comet-found', claim: 'A new comet was found by Kessler Observatory astronomers on 12 January 2024.', source: on(comet), expected: 'supported', note: 'found/discovered' },
  { id: 'para-comet-seen', claim: 'The comet was first seen by the amateur astronomer Mei Tanaka.', source: on(comet), expected: 'supported', note: 'seen/spotted' },
  { id: 'para-comet-wrong-date', claim: 'The comet was discovered on 21 January 2024.', source: on(comet), expected: 'unsupported', note: 'source says 12 January' },
];
