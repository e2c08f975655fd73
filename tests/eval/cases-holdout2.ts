// A third batch, written before running it: long pages, several numbers, dates in ISO form.
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const filler = [
  'The committee heard evidence from local residents, business owners and representatives of the port authority over three days of hearings.',
  'Several witnesses described delays in planning decisions and a lack of coordination between the council and national agencies.',
  'The report also reviews the history of the harbour, which was first dredged in the nineteenth century to allow larger ships to dock.',
  'Members of the committee visited the site in the spring and met engineers responsible for the sea wall.',
];
const longReport = newsPage({
  title: 'Inquiry criticises harbour project delays',
  date: '2024-05-02',
  paragraphs: [
    ...Array.from({ length: 24 }, (_, i) => filler[i % filler.length] ?? ''),
    'The inquiry found that the harbour project was completed in 2021, four years late, and cost £86 million, against an original budget of £52 million.',
    'Its chair, Fiona McLeod, said the overspend was "avoidable" and blamed poor early estimates.',
    ...Array.from({ length: 24 }, (_, i) => filler[(i + 2) % filler.length] ?? ''),
  ],
});

const election = newsPage({
  title: 'Turnout rises in regional election',
  date: '2024-09-23',
  paragraphs: [
    'Turnout in the regional election held on 2024-09-22 reached 61.4 per cent, up from 55.2 per cent at the previous vote, the electoral commission said.',
    'The Green Party won 14 of the 60 seats, its best result, while the governing Liberal Party lost its majority with 27 seats.',
    'Party leader Anna Berg said coalition talks would begin on Monday.',
  ],
});

const on = (html: string) => ({ html });

export const HOLDOUT2_CASES: EvalCase[] = [
  { id: 'long-deep-supported', claim: 'The harbour project was finished in 2021, four years behind schedule, at a cost of £86 million.', source: on(longReport), expected: 'supported', note: 'fact deep inside a long page' },
  { id: 'long-budget', claim: 'The original budget for the harbour project was £52m.', source: on(longReport), expected: 'supported', note: '£52m vs £52 million' },
  { id: 'long-wrong-cost', claim: 'The harbour project cost £68 million, the inquiry found.', source: on(longReport), expected: 'unsupported', note: 'source says £86 million' },
  { id: 'long-quote', claim: 'Inquiry chair Fiona McLeod called the overspend "avoidable".', source: on(longReport), expected: 'supported', note: 'one-word quote, Mc name' },
  { id: 'long-unrelated', claim: 'The inquiry recommended that the port authority be abolished.', source: on(longReport), expected: 'unsupported', note: 'topic words everywhere, claim not said' },
  { id: 'election-turnout', claim: 'Turnout was 61.4% in the regional election on 22 September 2024.', source: on(election), expected: 'supported', note: 'ISO date in source, % vs per cent' },
  { id: 'election-two-numbers-one-wrong', claim: 'Turnout rose to 61.4% from 52.2% at the previous election.', source: on(election), expected: 'unsupported', note: 'second figure wrong (55.2)' },
  { id: 'election-seats', claim: 'The Green Party won 14 seats, while the Liberal Party kept its majority.', source: on(election), expected: 'partial', note: 'first half right, second contradicts the source' },
  { id: 'election-berg', claim: 'Anna Berg said coalition talks would start on Monday.', source: on(election), expected: 'supported', note: 'paraphrase' },
  { id: 'election-footnote', claim: 'The Liberal Party won 27 of the 60 seats.[2]', source: on(election), expected: 'supported', note: 'footnote marker left in the claim text' },
];
