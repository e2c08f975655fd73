// Holdout (issue 12), written before the matcher changed: claims and sources in different languages (ru, de).
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const hamas = newsPage({
  title: 'Россия и ХАМАС: история отношений',
  lang: 'ru',
  date: '2021-05-21',
  paragraphs: [
    'В мае 2010 года президент Дмитрий Медведев встретился в Дамаске с лидером ХАМАС Халедом Машалем.',
    'Россия так и не признала ХАМАС террористической организацией, хотя талибы были внесены в такой список ещё в 2003 году.',
    'В 2006 году делегация ХАМАС во главе с Машалем посетила Москву по приглашению Владимира Путина.',
  ],
});

const moscow = newsPage({
  title: 'Население Москвы выросло',
  lang: 'ru',
  date: '2024-03-01',
  paragraphs: [
    'Население Москвы на 1 января 2024 года составило 13,1 миллиона человек, сообщил Росстат.',
    'Это на 0,5% больше, чем годом ранее.',
  ],
});

const ankara = newsPage({
  title: 'Лавров провёл переговоры в Анкаре',
  lang: 'ru',
  date: '2023-03-16',
  paragraphs: [
    'Министр иностранных дел России Сергей Лавров 15 марта 2023 года провёл переговоры в Анкаре с турецким коллегой Мевлютом Чавушоглу.',
    'Стороны обсудили зерновую сделку и ситуацию в Сирии.',
  ],
});

const taliban = newsPage({
  title: 'Россия начала исключать «Талибан» из списка террористов',
  lang: 'ru',
  date: '2024-05-20',
  paragraphs: [
    'Верховный суд России в феврале 2003 года признал движение «Талибан» террористической организацией.',
    'В 2024 году Россия начала процедуру исключения «Талибана» из этого списка.',
  ],
});

const quake = newsPage({
  title: 'Землетрясение на юге Турции',
  lang: 'ru',
  date: '2023-03-01',
  paragraphs: [
    'Землетрясение магнитудой 7,8 произошло 6 февраля 2023 года на юге Турции.',
    'Погибли более 50 тысяч человек, сообщили турецкие власти.',
  ],
});

const revenue = newsPage({
  title: 'Orbital Systems reports record revenue',
  date: '2024-02-10',
  paragraphs: [
    'Orbital Systems reported revenue of $4.5 billion for 2023, up 18% on the previous year, the company said on Friday.',
    'The company plans to open a new factory in Poland next year.',
  ],
});

const scholz = newsPage({
  title: 'Scholz trifft Biden in Washington',
  lang: 'de',
  date: '2023-03-04',
  paragraphs: [
    'Bundeskanzler Olaf Scholz ist am 3. März 2023 nach Washington gereist und hat dort US-Präsident Joe Biden getroffen.',
    'Die beiden sprachen über die Unterstützung der Ukraine.',
  ],
});

const inflation = newsPage({
  title: 'Inflationsrate sinkt auf 3,8 Prozent',
  lang: 'de',
  date: '2023-10-30',
  paragraphs: [
    'Die Inflationsrate in Deutschland lag im Oktober 2023 bei 3,8 Prozent, teilte das Statistische Bundesamt mit.',
    'Im September hatte sie noch 4,5 Prozent betragen.',
  ],
});

const dom = newsPage({
  title: 'Der Kölner Dom',
  lang: 'de',
  date: '2020-01-10',
  paragraphs: [
    'Der Bau des Kölner Doms begann 1248 und wurde erst 1880 vollendet.',
    'Die Kathedrale ist heute eines der meistbesuchten Bauwerke Deutschlands.',
  ],
});

const roth = newsPage({
  title: 'Russland und die Hamas',
  lang: 'de',
  date: '2023-10-20',
  paragraphs: [
    'Russland hat die Hamas nie als Terrororganisation eingestuft, sagte der Osteuropa-Experte Michael Roth.',
  ],
});

const vienna = newsPage({
  title: 'Schallenberg in Moskau',
  lang: 'de',
  date: '2024-06-13',
  paragraphs: [
    'Der österreichische Außenminister Alexander Schallenberg besuchte am 12. Juni 2024 Moskau.',
    'Österreich wolle die Gesprächskanäle offen halten, sagte er.',
  ],
});

const bundestag = newsPage({
  title: 'Bundestag beschließt Heizungsgesetz',
  lang: 'de',
  date: '2023-09-08',
  paragraphs: [
    'Der Bundestag hat am 8. September 2023 das Heizungsgesetz verabschiedet.',
    '399 Abgeordnete stimmten dafür, 275 dagegen, fünf enthielten sich.',
  ],
});

const on = (html: string) => ({ html });

export const CROSS_CASES: EvalCase[] = [
  { id: 'x-ru-medvedev-may-2010', claim: 'In May 2010, President Dmitry Medvedev met Hamas leader Khaled Mashal in Damascus.', source: on(hamas), expected: 'supported', note: 'names, date in Russian, Damascus/Дамаск' },
  { id: 'x-ru-medvedev-2020', claim: 'In 2020, Medvedev met with Mashal in Damascus.', source: on(hamas), expected: 'unsupported', note: 'source says May 2010' },
  { id: 'x-ru-never-designated', claim: 'Russia never designated Hamas as a terrorist organization, unlike the Taliban.', source: on(hamas), expected: 'supported', note: 'Россия, ХАМАС, террористической, талибы' },
  { id: 'x-ru-designated-2003', claim: 'Russia designated Hamas a terrorist organization in 2003.', source: on(hamas), expected: 'unsupported', note: 'it was the Taliban, and Hamas never' },
  { id: 'x-ru-delegation-2006', claim: 'In 2006 a Hamas delegation led by Mashal visited Moscow at Putin\'s invitation.', source: on(hamas), expected: 'supported', note: 'Москву, Путина' },
  { id: 'x-ru-delegation-2008', claim: 'In 2008 a Hamas delegation led by Mashal visited Moscow.', source: on(hamas), expected: 'unsupported', note: 'source says 2006' },
  { id: 'x-ru-cairo', claim: 'In May 2010 Medvedev met Mashal in Cairo.', source: on(hamas), expected: 'unsupported', note: 'Damascus, not Cairo' },
  { id: 'x-ru-putin-met-mashal', claim: 'In May 2010 Vladimir Putin met Khaled Mashal in Damascus.', source: on(hamas), expected: 'unsupported', note: 'Medvedev met him' },
  { id: 'x-ru-moscow-population', claim: 'According to Rosstat, Moscow\'s population was 13.1 million on 1 January 2024.', source: on(moscow), expected: 'supported', note: '13,1 миллиона, Росстат' },
  { id: 'x-ru-moscow-wrong', claim: 'Moscow\'s population reached 13.8 million in 2024.', source: on(moscow), expected: 'unsupported', note: 'source says 13,1' },
  { id: 'x-ru-moscow-growth', claim: 'The population of Moscow grew by 0.5% in a year.', source: on(moscow), expected: 'supported', note: '0,5% больше' },
  { id: 'x-ru-moscow-growth-wrong', claim: 'The population of Moscow grew by 1.5% in a year.', source: on(moscow), expected: 'unsupported', note: 'source says 0,5%' },
  { id: 'x-ru-lavrov-ankara', claim: 'On 15 March 2023 Sergey Lavrov held talks in Ankara with his Turkish counterpart Mevlut Cavusoglu.', source: on(ankara), expected: 'supported', note: 'names transliterated, Russian date' },
  { id: 'x-ru-lavrov-tehran', claim: 'On 15 March 2023 Sergey Lavrov held talks in Tehran with Mevlut Cavusoglu.', source: on(ankara), expected: 'unsupported', note: 'Ankara, not Tehran' },
  { id: 'x-ru-lavrov-grain', claim: 'In March 2023 Lavrov and Cavusoglu discussed the grain deal and the situation in Syria.', source: on(ankara), expected: 'supported', note: 'Сирии' },
  { id: 'x-ru-lavrov-wrong-day', claim: 'On 25 March 2023 Lavrov held talks with Cavusoglu in Ankara.', source: on(ankara), expected: 'unsupported', note: 'source says 15 March' },
  { id: 'x-ru-putin-ankara', claim: 'On 15 March 2023 Vladimir Putin held talks in Ankara with Mevlut Cavusoglu.', source: on(ankara), expected: 'unsupported', note: 'Lavrov, not Putin' },
  { id: 'x-ru-taliban-2003', claim: 'Russia\'s Supreme Court designated the Taliban a terrorist organization in February 2003.', source: on(taliban), expected: 'supported', note: 'cognates: террористической' },
  { id: 'x-ru-taliban-2013', claim: 'Russia\'s Supreme Court designated the Taliban a terrorist organization in 2013.', source: on(taliban), expected: 'unsupported', note: 'source says February 2003' },
  { id: 'x-ru-taliban-removal', claim: 'In 2024 Russia began removing the Taliban from its list of terrorist organizations.', source: on(taliban), expected: 'supported', note: 'paraphrase across languages' },
  { id: 'x-ru-quake', claim: 'A magnitude 7.8 earthquake struck southern Turkey on 6 February 2023.', source: on(quake), expected: 'supported', note: '7,8, Russian date, Турции' },
  { id: 'x-ru-quake-toll', claim: 'More than 50,000 people died in the earthquake in Turkey.', source: on(quake), expected: 'supported', note: '50 тысяч' },
  { id: 'x-ru-quake-magnitude', claim: 'A magnitude 6.8 earthquake struck southern Turkey on 6 February 2023.', source: on(quake), expected: 'unsupported', note: 'source says 7,8' },
  { id: 'x-ru-quake-day', claim: 'The earthquake struck southern Turkey on 16 February 2023.', source: on(quake), expected: 'unsupported', note: 'source says 6 February' },
  { id: 'x-ru-claim-revenue', claim: 'Выручка Orbital Systems в 2023 году составила 4,5 млрд долларов.', source: on(revenue), expected: 'supported', note: 'Russian claim, English source' },
  { id: 'x-ru-claim-revenue-wrong', claim: 'Выручка Orbital Systems в 2023 году составила 5,4 млрд долларов.', source: on(revenue), expected: 'unsupported', note: 'source says $4.5 billion' },
  { id: 'x-ru-claim-poland', claim: 'Компания Orbital Systems планирует открыть новый завод в Польше.', source: on(revenue), expected: 'supported', note: 'Польше/Poland exonym' },
  { id: 'x-ru-claim-hungary', claim: 'Компания Orbital Systems планирует открыть новый завод в Венгрии.', source: on(revenue), expected: 'unsupported', note: 'Poland, not Hungary' },
  { id: 'x-de-scholz-biden', claim: 'On 3 March 2023 Chancellor Olaf Scholz met US President Joe Biden in Washington.', source: on(scholz), expected: 'supported', note: 'German date' },
  { id: 'x-de-scholz-paris', claim: 'On 3 March 2023 Olaf Scholz met Joe Biden in Paris.', source: on(scholz), expected: 'unsupported', note: 'Washington, not Paris' },
  { id: 'x-de-scholz-2022', claim: 'In 2022 Olaf Scholz travelled to Washington to meet Joe Biden.', source: on(scholz), expected: 'unsupported', note: 'source says March 2023' },
  { id: 'x-de-scholz-ukraine', claim: 'Scholz and Biden discussed support for Ukraine.', source: on(scholz), expected: 'supported', note: 'Ukraine exonym' },
  { id: 'x-de-inflation', claim: 'German inflation was 3.8% in October 2023, according to the Federal Statistical Office.', source: on(inflation), expected: 'supported', note: '3,8 Prozent, Oktober 2023' },
  { id: 'x-de-inflation-wrong', claim: 'German inflation was 4.8% in October 2023.', source: on(inflation), expected: 'unsupported', note: 'source says 3,8' },
  { id: 'x-de-inflation-fell', claim: 'German inflation fell to 3.8% in October 2023 from 4.5% in September.', source: on(inflation), expected: 'supported', note: 'two figures' },
  { id: 'x-de-dom', claim: 'Construction of Cologne Cathedral began in 1248 and was completed in 1880.', source: on(dom), expected: 'supported', note: 'Cologne/Köln exonym' },
  { id: 'x-de-dom-wrong', claim: 'Construction of Cologne Cathedral began in 1348.', source: on(dom), expected: 'unsupported', note: 'source says 1248' },
  { id: 'x-de-dom-completed', claim: 'Cologne Cathedral was completed in 1880.', source: on(dom), expected: 'supported', note: 'one year' },
  { id: 'x-de-roth', claim: 'Russia never classified Hamas as a terrorist organization, the expert Michael Roth said.', source: on(roth), expected: 'supported', note: 'Russland, Terrororganisation' },
  { id: 'x-de-schallenberg', claim: 'Austrian foreign minister Alexander Schallenberg visited Moscow on 12 June 2024.', source: on(vienna), expected: 'supported', note: 'Moskau/Moscow, German date' },
  { id: 'x-de-schallenberg-wrong', claim: 'Alexander Schallenberg visited Moscow on 21 June 2024.', source: on(vienna), expected: 'unsupported', note: 'source says 12 June' },
  { id: 'x-de-bundestag', claim: 'The Bundestag passed the heating law on 8 September 2023, with 399 votes in favour.', source: on(bundestag), expected: 'supported', note: 'German date and number' },
  { id: 'x-de-bundestag-wrong', claim: 'The Bundestag passed the heating law with 299 votes in favour.', source: on(bundestag), expected: 'unsupported', note: 'source says 399' },
  { id: 'x-de-bundestag-against', claim: '275 members of the Bundestag voted against the heating law.', source: on(bundestag), expected: 'supported', note: 'number' },
];
