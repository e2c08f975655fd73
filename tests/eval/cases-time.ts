// Holdout (issue 12), written before the matcher changed: relative dates, the event's date vs other dates, datelines.
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const published = (date: string) => ({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: date });

// 14 March 2024 was a Thursday
const budget = newsPage({
  title: 'Holm unveils budget with higher defence spending',
  date: '2024-03-14',
  jsonld: { ...published('2024-03-14T16:00:00Z'), headline: 'Holm unveils budget with higher defence spending' },
  paragraphs: [
    'Finance minister Anders Holm on Thursday presented a budget that raises defence spending by 12 per cent.',
    'Holm said the plan followed commitments the government made in January 2023, when it promised to meet the alliance\'s spending target.',
    'Last week, the central bank left interest rates unchanged at 4.5 per cent.',
    'Yesterday, the largest unions called a strike for next month over public sector pay.',
  ],
});

// 28 December 2023 was a Thursday
const lavrov = newsPage({
  title: 'Lavrov likens Israel\'s aims in Gaza to Russia\'s in Ukraine',
  date: '2023-12-28',
  jsonld: published('2023-12-28T12:30:00+02:00'),
  paragraphs: [
    'Foreign Minister Sergei Lavrov on Thursday said the goals Israel had declared for its operation in Gaza were nearly identical to the goals Russia set out in February 2022 for its operation in Ukraine.',
    'Lavrov made the remarks in an interview with state television.',
  ],
});

// 17 October 2023 was a Tuesday
const call = newsPage({
  title: 'Putin and Netanyahu speak by phone',
  date: '2023-10-17',
  jsonld: published('2023-10-17'),
  paragraphs: [
    'MOSCOW, Oct 17 (Wire) - President Vladimir Putin spoke by phone with Israeli Prime Minister Benjamin Netanyahu on Monday, the Kremlin said.',
    'Putin expressed condolences over the deaths of Israeli civilians and said Russia was ready to help end the conflict.',
  ],
});

// 10 June 2022 was a Friday
const museum = newsPage({
  title: 'City museum reopens',
  date: '2022-06-10',
  head: '<meta property="article:published_time" content="2022-06-10T09:00:00+02:00">',
  paragraphs: [
    'Published 10 June 2022.',
    'The city museum reopened on Tuesday after a three-year renovation that began in 2019 and cost 40 million euros.',
    'Last month, the museum\'s director, Ines Kovac, announced her resignation, saying she wanted to return to research.',
  ],
});

const on = (html: string) => ({ html });

export const TIME_CASES: EvalCase[] = [
  { id: 'time-holm-exact-day', claim: 'On 14 March 2024, finance minister Anders Holm presented a budget raising defence spending by 12%.', source: on(budget), expected: 'supported', note: '"on Thursday" in a page published Thursday 14 March' },
  { id: 'time-holm-month', claim: 'In March 2024, Anders Holm presented a budget that raises defence spending by 12 per cent.', source: on(budget), expected: 'supported', note: 'month of the resolved Thursday' },
  { id: 'time-holm-wrong-day', claim: 'On 12 March 2024, Anders Holm presented the budget.', source: on(budget), expected: 'unsupported', note: 'Thursday was the 14th' },
  { id: 'time-holm-other-event-date', claim: 'In January 2023, Anders Holm presented a budget raising defence spending by 12%.', source: on(budget), expected: 'unsupported', note: 'January 2023 dates the commitments, not the budget' },
  { id: 'time-holm-commitments', claim: 'In January 2023 the government promised to meet the alliance\'s spending target.', source: on(budget), expected: 'supported', note: 'the other event, its own date' },
  { id: 'time-rates-last-week', claim: 'In March 2024 the central bank left interest rates unchanged at 4.5%.', source: on(budget), expected: 'supported', note: '"last week" from 14 March is early March' },
  { id: 'time-rates-wrong-month', claim: 'In January 2024 the central bank left interest rates unchanged at 4.5%.', source: on(budget), expected: 'unsupported', note: '"last week" is March 2024' },
  { id: 'time-unions-yesterday', claim: 'On 13 March 2024 the largest unions called a strike over public sector pay.', source: on(budget), expected: 'supported', note: '"yesterday" from 14 March' },
  { id: 'time-unions-wrong-day', claim: 'On 10 March 2024 the unions called a strike over public sector pay.', source: on(budget), expected: 'unsupported', note: '"yesterday" is 13 March' },
  { id: 'time-holm-wrong-month', claim: 'In December 2023, Holm presented a budget raising defence spending by 12 per cent.', source: on(budget), expected: 'unsupported', note: 'March 2024' },
  { id: 'time-lavrov-december', claim: 'In December 2023, Lavrov said the goals of Israel\'s operation in Gaza were nearly identical to Russia\'s goals in Ukraine.', source: on(lavrov), expected: 'supported', note: '"on Thursday" in a page of 28 December; February 2022 dates another event' },
  { id: 'time-lavrov-exact-day', claim: 'On 28 December 2023, Sergei Lavrov likened Israel\'s goals in Gaza to Russia\'s goals in Ukraine.', source: on(lavrov), expected: 'supported', note: 'resolved Thursday' },
  { id: 'time-lavrov-february', claim: 'In February 2022, Lavrov said the goals of Israel\'s operation in Gaza were nearly identical to Russia\'s goals.', source: on(lavrov), expected: 'unsupported', note: 'February 2022 is when Russia set out its goals, not when Lavrov spoke' },
  { id: 'time-lavrov-november', claim: 'In November 2023, Lavrov likened Israel\'s goals in Gaza to Russia\'s goals in Ukraine.', source: on(lavrov), expected: 'unsupported', note: 'he spoke on 28 December' },
  { id: 'time-russia-goals', claim: 'Russia set out the goals of its operation in Ukraine in February 2022.', source: on(lavrov), expected: 'supported', note: 'the other event, its own date' },
  { id: 'time-call-monday', claim: 'On 16 October 2023, Putin spoke by phone with Benjamin Netanyahu.', source: on(call), expected: 'supported', note: '"on Monday" in a page of Tuesday 17 October' },
  { id: 'time-call-dateline-day', claim: 'On 17 October 2023, Putin spoke by phone with Benjamin Netanyahu.', source: on(call), expected: 'unsupported', note: 'Oct 17 is the dateline; the call was on Monday the 16th' },
  { id: 'time-call-month', claim: 'In October 2023, Putin spoke with Netanyahu by phone.', source: on(call), expected: 'supported', note: 'month granularity' },
  { id: 'time-call-september', claim: 'In September 2023, Putin spoke by phone with Netanyahu.', source: on(call), expected: 'unsupported', note: 'October' },
  { id: 'time-museum-tuesday', claim: 'The city museum reopened on 7 June 2022 after a three-year renovation.', source: on(museum), expected: 'supported', note: '"on Tuesday" in a page of Friday 10 June' },
  { id: 'time-museum-published-line', claim: 'The city museum reopened on 10 June 2022.', source: on(museum), expected: 'unsupported', note: '10 June is the "Published" line; it reopened on Tuesday 7 June' },
  { id: 'time-museum-2019', claim: 'The city museum reopened in 2019 after its renovation.', source: on(museum), expected: 'unsupported', note: '2019 is when the renovation began' },
  { id: 'time-museum-began', claim: 'The renovation of the city museum began in 2019 and cost €40 million.', source: on(museum), expected: 'supported', note: '€40 million vs 40 million euros' },
  { id: 'time-kovac-may', claim: 'Ines Kovac announced her resignation as museum director in May 2022.', source: on(museum), expected: 'supported', note: '"last month" from June 2022' },
  { id: 'time-kovac-april', claim: 'Ines Kovac announced her resignation as museum director in April 2022.', source: on(museum), expected: 'unsupported', note: '"last month" is May 2022' },
];
