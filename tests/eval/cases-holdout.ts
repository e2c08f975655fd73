// A second batch, written after the thresholds were set and before running it: a check on overfitting.
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const strike = newsPage({
  title: 'Rail workers walk out in dispute over pay',
  date: '2022-06-21',
  paragraphs: [
    'About 40,000 rail workers walked out on Tuesday, 21 June 2022, in the biggest rail strike in Britain for more than 30 years, the RMT union said.',
    'Only around 20% of passenger services ran, and many lines, including most of Scotland and Wales, had no trains at all.',
    'The union\'s general secretary, Mick Lynch, said members had been offered a pay rise of 3%, well below inflation, which stood at 9.1% in May.',
    'Transport Secretary Grant Shapps called the strike "a huge mistake" and said the government would not intervene in the negotiations.',
    'Network Rail said the walkout would cost the industry about £100 million in lost revenue.',
  ],
  related: ['Teachers vote to strike over pay in Scotland', 'Airport queues: passengers wait for hours at Manchester'],
});

const quake = newsPage({
  title: 'Землетрясение в Турции: число погибших превысило 50 тысяч',
  lang: 'ru',
  date: '2023-02-25',
  paragraphs: [
    'Число погибших в результате землетрясений на юго-востоке Турции 6 февраля 2023 года превысило 50 тысяч человек, сообщило агентство AFAD.',
    'Первый толчок магнитудой 7,8 произошёл ночью вблизи города Газиантеп, второй, магнитудой 7,5, — днём в провинции Кахраманмараш.',
    'Президент Турции Реджеп Тайип Эрдоган объявил чрезвычайное положение в десяти провинциях сроком на три месяца.',
  ],
});

const on = (html: string) => ({ html });

export const HOLDOUT_CASES: EvalCase[] = [
  { id: 'strike-supported', claim: 'Around 40,000 rail workers went on strike on 21 June 2022, the biggest rail strike in Britain in over 30 years.', source: on(strike), expected: 'supported', note: 'paraphrase with numbers and date' },
  { id: 'strike-services', claim: 'Only about one in five passenger services ran during the strike.', source: on(strike), expected: 'supported', note: '20% written as one in five: a reviewer accepts it' },
  { id: 'strike-offer', claim: 'Mick Lynch said RMT members had been offered a 3% pay rise.', source: on(strike), expected: 'supported', note: 'names and a percentage' },
  { id: 'strike-wrong-inflation', claim: 'Inflation stood at 11.1% in May 2022, according to Mick Lynch.', source: on(strike), expected: 'unsupported', note: 'source says 9.1%' },
  { id: 'strike-quote', claim: 'Grant Shapps called the strike “a huge mistake”.', source: on(strike), expected: 'supported', note: 'exact quote' },
  { id: 'strike-intervene', claim: 'Grant Shapps said the government would intervene in the negotiations.', source: on(strike), expected: 'unsupported', note: 'source says would not intervene' },
  { id: 'strike-cost', claim: 'Network Rail estimated the walkout would cost the industry £100m.', source: on(strike), expected: 'supported', note: '£100m vs £100 million' },
  { id: 'strike-teachers', claim: 'Teachers in Scotland voted to strike over pay.', source: on(strike), expected: 'partial', note: 'only a related-stories headline' },
  { id: 'strike-unrelated', claim: 'The RMT union called off the strike after the government offered a 7% pay rise.', source: on(strike), expected: 'unsupported', note: 'topic-related, not said' },
  { id: 'strike-half', claim: 'About 40,000 rail workers walked out, and the Army was deployed to run freight trains.', source: on(strike), expected: 'partial', note: 'second half not said' },
  { id: 'quake-ru-claim', claim: 'Число погибших при землетрясениях в Турции превысило 50 тысяч человек.', source: on(quake), expected: 'supported', note: 'Russian claim, Russian source' },
  { id: 'quake-en-given', claim: 'The first earthquake, of magnitude 7.8, struck near Gaziantep on 6 February 2023.', given: ['магнитудой 7,8'], source: on(quake), expected: 'supported', note: 'given phrase, decimal comma, transliterated city' },
  { id: 'quake-en-wrong', claim: 'The second earthquake had a magnitude of 6.7.', given: ['второй, магнитудой'], source: on(quake), expected: 'unsupported', note: 'source says 7.5' },
  { id: 'quake-ru-emergency', claim: 'Эрдоган объявил чрезвычайное положение в десяти провинциях на шесть месяцев.', source: on(quake), expected: 'partial', note: 'three months, not six: a reviewer calls the duration wrong but the rest right' },
  { id: 'quake-ru-unrelated', claim: 'Власти Турции арестовали более 100 застройщиков после землетрясения.', source: on(quake), expected: 'unsupported', note: 'not said' },
];
