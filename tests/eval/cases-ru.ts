// Evaluation cases on Russian sources: English claims with and without given phrases, Russian claims.
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const navalny = newsPage({
  title: 'Навальный в коме: врачи диагностировали отравление',
  lang: 'ru',
  date: '2020-09-03',
  paragraphs: [
    'Российский оппозиционный политик Алексей Навальный почувствовал себя плохо на борту самолёта Томск — Москва 20 августа 2020 года. Самолёт совершил экстренную посадку в Омске.',
    'Через два дня его перевезли на лечение в берлинскую клинику «Шарите». Немецкие врачи заявили, что Навальный был отравлен боевым веществом из группы «Новичок».',
    'В Кремле отвергли обвинения в причастности к отравлению. Пресс-секретарь президента Дмитрий Песков назвал их «абсолютно беспочвенными».',
    'Навальный вернулся в Россию 17 января 2021 года и был задержан в аэропорту Шереметьево.',
  ],
});

const bank = newsPage({
  title: 'ЦБ повысил ключевую ставку до 15%',
  lang: 'ru',
  date: '2023-10-27',
  paragraphs: [
    'Банк России на заседании 27 октября 2023 года повысил ключевую ставку на 200 базисных пунктов, до 15% годовых, сообщил регулятор.',
    'Председатель ЦБ Эльвира Набиуллина заявила, что инфляционное давление остаётся высоким, и не исключила дальнейшего повышения ставки.',
    'По прогнозу Центробанка, инфляция по итогам года составит 7–7,5%. Рубль после решения укрепился до 97,5 за доллар.',
    'Аналитики, опрошенные агентством, ожидали повышения ставки до 14%.',
  ],
});

const budget = newsPage({
  title: 'Совет утвердил бюджет библиотеки',
  lang: 'ru',
  date: '2024-05-14',
  paragraphs: [
    'Городской совет утвердил бюджет новой библиотеки в размере 4,2 миллиона рублей. Строительство обойдётся дешевле, чем планировалось.',
    'Ещё 15 тысяч рублей выделено на покупку книг для детского отдела, сообщил мэр города.',
  ],
});

const on = (html: string) => ({ html });

export const RUSSIAN_CASES: EvalCase[] = [
  { id: 'ru-navalny-given', claim: 'Alexei Navalny fell ill on a flight from Tomsk to Moscow on 20 August 2020.', given: ['почувствовал себя плохо на борту самолёта'], source: on(navalny), expected: 'supported', note: 'English claim, Russian source, given phrase found, name transliterated' },
  { id: 'ru-navalny-no-given', claim: 'German doctors said Navalny had been poisoned with a Novichok nerve agent.', source: on(navalny), expected: 'supported', note: 'a reviewer who reads Russian says supported; without given phrases the tool can only see the names' },
  { id: 'ru-navalny-wrong-airport', claim: 'Navalny was detained at Vnukovo airport on 17 January 2021.', given: ['задержан в аэропорту Внуково'], source: on(navalny), expected: 'unsupported', note: 'source says Sheremetyevo' },
  { id: 'ru-navalny-ru-claim', claim: 'Немецкие врачи заявили, что Навальный был отравлен веществом «Новичок».', source: on(navalny), expected: 'supported', note: 'Russian claim, Russian source' },
  { id: 'ru-navalny-hotel', claim: 'По данным следствия, Навальный был отравлен чаем в гостинице «Ксанаду» в Томске.', source: on(navalny), expected: 'unsupported', note: 'hotel poisoning not in the source' },
  { id: 'ru-navalny-wrong-year', claim: 'Навальный вернулся в Россию 17 января 2022 года.', source: on(navalny), expected: 'unsupported', note: 'source says 2021' },
  { id: 'ru-peskov-given', claim: 'Kremlin spokesman Dmitry Peskov called the accusations "absolutely groundless".', given: ['абсолютно беспочвенными'], source: on(navalny), expected: 'supported', note: 'quoted words translated; the given phrase carries the check' },
  { id: 'ru-bank-no-given', claim: 'On 27 October 2023 the Bank of Russia raised its key rate to 15%.', source: on(bank), expected: 'supported', note: 'a Russian reader says supported; numbers and date match' },
  { id: 'ru-bank-given', claim: 'Elvira Nabiullina said inflationary pressure remained high.', given: ['инфляционное давление остаётся высоким'], source: on(bank), expected: 'supported', note: 'given phrase and transliterated name' },
  { id: 'ru-bank-cut', claim: 'Банк России снизил ключевую ставку до 13% годовых.', source: on(bank), expected: 'unsupported', note: 'source says raised to 15%' },
  { id: 'ru-bank-rouble', claim: 'После решения ЦБ рубль укрепился до 97,5 за доллар.', source: on(bank), expected: 'supported', note: 'Russian decimal comma' },
  { id: 'ru-bank-wrong-rate', claim: 'The Bank of Russia raised its key rate to 16% in October 2023.', given: ['повысил ключевую ставку'], source: on(bank), expected: 'unsupported', note: 'given phrase found but the rate is 15%' },
  { id: 'ru-budget-scale-word', claim: 'The council approved a library budget of 4.2 million roubles.', given: ['утвердил бюджет новой библиотеки'], source: on(budget), expected: 'supported', note: '4,2 миллиона is 4.2 million: a spelled-out Russian scale word, not a contradiction' },
  { id: 'ru-budget-wrong-amount', claim: 'The council approved a library budget of 5.2 million roubles.', given: ['утвердил бюджет новой библиотеки'], source: on(budget), expected: 'unsupported', note: 'source says 4,2 миллиона' },
  { id: 'ru-budget-thousands', claim: 'Another 15,000 roubles went on children\'s books.', given: ['на покупку книг'], source: on(budget), expected: 'supported', note: '15 тысяч = 15,000' },
  { id: 'ru-bank-unrelated', claim: 'The Bank of Russia sold 20% of its gold reserves in 2023.', source: on(bank), expected: 'unsupported', note: 'not said, cross-language' },
];
