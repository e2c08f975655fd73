// Evaluation cases on English news pages: paraphrases, quotes, wrong numbers and years, names, negation, sidebars.
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const attack = newsPage({
  title: 'Sixteen killed in attack on border town',
  date: '2023-10-08',
  paragraphs: [
    'Gunmen attacked the town of Kfar Aza early on Saturday, 7 October 2023, killing 16 people and wounding at least 40 others, local officials said.',
    'The regional governor, Miriam Abergel, told reporters that rescue teams were still searching damaged houses on Sunday morning and that the death toll could rise.',
    'Khaled Meshaal, a former head of Hamas\'s political bureau, said in a televised address that the movement “would never recognise Israel” and praised the attack.',
    'The Israeli army said it had regained control of the area by Sunday evening. It did not say how many attackers had been killed.',
    '“We hid in the safe room with the children for nine hours,” said Dana Levi, a teacher who has lived in the kibbutz since 2006.',
  ],
  related: ['Hamas leader Mashal visits Cairo for ceasefire talks', 'UN Security Council to meet on Gaza on Monday',
    'Oil prices jump 4% after attack'],
});

const treasury = newsPage({
  title: 'Treasury paid consultancy £412,000 for review',
  date: '2023-10-26',
  paragraphs: [
    'The Treasury paid £412,000 to the consultancy MacFarlane &amp; Co for a review of tax collection, documents released on 25 October 2023 show.',
    'The contract was awarded without a competitive tender in March 2022, according to the documents, which were obtained under freedom of information rules.',
    'A Treasury spokesperson said the firm had been chosen because of its \'unique expertise\' and that the review had saved taxpayers 1.2 million pounds.',
    'Opposition MPs called the payment \'an outrageous waste of public money\' and asked the National Audit Office to investigate.',
    'MacFarlane &amp; Co, founded in Edinburgh in 1998, employs about 1\u00A0200 people across Scotland.',
  ],
});

const webb = newsPage({
  title: 'Webb telescope sends back its first images',
  date: '2022-07-12',
  paragraphs: [
    'The James Webb Space Telescope, launched on 25 December 2021 from Kourou in French Guiana, has sent back its first full-colour images, Nasa said on Tuesday.',
    'The telescope cost about $10 billion and took more than two decades to build. Its main mirror is 6.5 metres wide, almost three times the size of Hubble\'s.',
    '“Every image is a new dis\u00ADcovery,” said Bill Nelson, the Nasa administrator, at a briefing at the White House.',
    'Astronomers expect the observatory to operate for at least 20 years, far longer than its original mission of five to ten years.',
  ],
});

const floods = newsPage({
  title: 'Death toll from Valencia floods rises to 223',
  date: '2024-11-11',
  paragraphs: [
    'The number of people killed by flash floods in the Valencia region of Spain has risen to 223, the regional government said on Monday, with 78 people still missing.',
    'The floods began on 29 October 2024, when more than a year\'s worth of rain fell in eight hours on parts of the region.',
    'Spain\'s prime minister, Pedro Sánchez, announced an aid package of €10.6 billion for affected households and businesses.',
    'Residents have criticised the regional authorities for sending a mobile phone alert only after 8pm, when many towns were already under water.',
  ],
});

const vote = newsPage({
  title: 'MPs back assisted dying bill in historic vote',
  date: '2024-11-29',
  paragraphs: [
    'MPs have voted by 330 to 275 to back a bill that would allow terminally ill adults in England and Wales to end their lives, in a historic vote on Friday 29 November 2024.',
    'The bill, introduced by Labour MP Kim Leadbeater, will now face further scrutiny by a committee of MPs before returning to the Commons.',
    'Prime Minister Keir Starmer voted in favour, while his deputy Angela Rayner voted against.',
    'Campaigners outside Parliament cheered as the result was announced, while opponents warned that vulnerable people could be pressured into ending their lives.',
  ],
});

const on = (html: string) => ({ html });

export const ENGLISH_CASES: EvalCase[] = [
  { id: 'attack-supported', claim: 'Gunmen killed 16 people in Kfar Aza on 7 October 2023, according to local officials.', source: on(attack), expected: 'supported', note: 'paraphrase of the lead paragraph' },
  { id: 'attack-wounded', claim: 'At least 40 people were wounded when gunmen attacked Kfar Aza.', source: on(attack), expected: 'supported', note: 'paraphrase, one number' },
  { id: 'attack-wrong-number', claim: 'Gunmen killed 17 people in Kfar Aza on 7 October 2023.', source: on(attack), expected: 'unsupported', note: 'source says 16 killed' },
  { id: 'attack-wrong-year', claim: 'Dana Levi, a teacher, has lived in the kibbutz since 2008.', source: on(attack), expected: 'unsupported', note: 'source says since 2006' },
  { id: 'attack-name-variant', claim: 'Khaled Mashal said that the movement would never recognise Israel.', source: on(attack), expected: 'supported', note: 'Mashal vs Meshaal spelling' },
  { id: 'attack-curly-quote', claim: 'Meshaal said the movement "would never recognise Israel".', source: on(attack), expected: 'supported', note: 'straight quotes in claim, curly in source' },
  { id: 'attack-sidebar-mashal', claim: 'Hamas leader Mashal visited Cairo for ceasefire talks.', source: on(attack), expected: 'partial', note: 'only a related-stories link says it; the article does not' },
  { id: 'attack-sidebar-oil', claim: 'Oil prices jumped 4% after the attack.', source: on(attack), expected: 'partial', note: 'only a related-stories headline' },
  { id: 'attack-tunnel', claim: 'The attackers entered Kfar Aza through a tunnel dug under the border fence.', source: on(attack), expected: 'unsupported', note: 'topic-related page, not said' },
  { id: 'attack-attackers-killed', claim: 'The Israeli army said 1,500 attackers had been killed by Sunday evening.', source: on(attack), expected: 'unsupported', note: 'source says the army gave no number' },
  { id: 'attack-half', claim: 'Gunmen killed 16 people in Kfar Aza, and the governor ordered the evacuation of all schools in the district.', source: on(attack), expected: 'partial', note: 'first half supported, second not' },
  { id: 'attack-negation', claim: 'The Israeli army did not regain control of the area by Sunday evening.', source: on(attack), expected: 'unsupported', note: 'negation flips the source' },

  { id: 'treasury-supported', claim: 'The Treasury paid Macfarlane & Co £412,000 for a review of tax collection.', source: on(treasury), expected: 'supported', note: 'Macfarlane vs MacFarlane, amount' },
  { id: 'treasury-date-format', claim: 'Documents released on October 25, 2023 showed that the contract was awarded without a competitive tender.', source: on(treasury), expected: 'supported', note: 'date written differently, two sentences' },
  { id: 'treasury-staff', claim: 'The consultancy employs about 1,200 people.', source: on(treasury), expected: 'supported', note: '1,200 vs 1 200 (no-break space)' },
  { id: 'treasury-wrong-amount', claim: 'The Treasury paid £421,000 to MacFarlane & Co for the review.', source: on(treasury), expected: 'unsupported', note: 'transposed digits: source says £412,000' },
  { id: 'treasury-wrong-year', claim: 'MacFarlane & Co was founded in Edinburgh in 1989.', source: on(treasury), expected: 'unsupported', note: 'source says 1998' },
  { id: 'treasury-quote', claim: 'Opposition MPs called the payment “an outrageous waste of public money”.', source: on(treasury), expected: 'supported', note: 'curly double quotes in claim, single in source' },
  { id: 'treasury-misquote', claim: 'Opposition MPs called the payment "a scandalous misuse of taxpayers\' cash".', source: on(treasury), expected: 'partial', note: 'criticism is there, the quoted words are not' },
  { id: 'treasury-nao-finding', claim: 'The National Audit Office found that the contract broke procurement law.', source: on(treasury), expected: 'unsupported', note: 'NAO was only asked to investigate' },
  { id: 'treasury-saving', claim: 'A Treasury spokesperson said the review saved taxpayers £1.2 million.', source: on(treasury), expected: 'supported', note: '£1.2 million vs 1.2 million pounds' },
  { id: 'treasury-cancelled', claim: 'The Treasury cancelled its contract with the firm after an internal audit.', source: on(treasury), expected: 'unsupported', note: 'not said' },

  { id: 'webb-launch', claim: 'The James Webb Space Telescope was launched from French Guiana on December 25, 2021.', source: on(webb), expected: 'supported', note: 'date format differs' },
  { id: 'webb-cost', claim: 'The Webb telescope cost about $10bn.', source: on(webb), expected: 'supported', note: '$10bn vs $10 billion' },
  { id: 'webb-wrong-mirror', claim: "The telescope's main mirror is 8.5 metres wide.", source: on(webb), expected: 'unsupported', note: 'source says 6.5 metres' },
  { id: 'webb-water', claim: 'The James Webb Space Telescope discovered water vapour on a planet outside the solar system.', source: on(webb), expected: 'unsupported', note: 'topic-related, not said' },
  { id: 'webb-half', claim: 'The telescope cost $10 billion and was built by the European Space Agency alone.', source: on(webb), expected: 'partial', note: 'cost yes, builder claim no' },
  { id: 'webb-stop', claim: 'Nasa said the telescope will stop operating in 2030 because of fuel shortages.', source: on(webb), expected: 'unsupported', note: 'source says at least 20 years' },
  { id: 'webb-soft-hyphen-quote', claim: 'Nasa administrator Bill Nelson said: "Every image is a new discovery."', source: on(webb), expected: 'supported', note: 'soft hyphen inside the quoted word in the source' },
  { id: 'webb-wrong-launch-year', claim: 'The James Webb Space Telescope was launched on 25 December 2022.', source: on(webb), expected: 'unsupported', note: 'wrong year' },

  { id: 'floods-toll', claim: 'The floods in Valencia killed 223 people, according to the regional government.', source: on(floods), expected: 'supported', note: 'paraphrase' },
  { id: 'floods-aid', claim: 'Pedro Sanchez announced €10.6bn in aid for households and businesses.', source: on(floods), expected: 'supported', note: 'accent dropped, bn abbreviation' },
  { id: 'floods-wrong-toll', claim: 'The Valencia floods killed 232 people.', source: on(floods), expected: 'unsupported', note: 'source says 223' },
  { id: 'floods-negation', claim: 'The regional authorities did not send a mobile phone alert to residents.', source: on(floods), expected: 'unsupported', note: 'they sent it late; the claim negates it' },
  { id: 'floods-dam', claim: 'The floods were caused by a dam failure north of Valencia.', source: on(floods), expected: 'unsupported', note: 'not said' },
  { id: 'floods-month-day', claim: 'The floods began on 29 October, when a year\'s worth of rain fell in eight hours.', source: on(floods), expected: 'supported', note: 'date without a year' },
  { id: 'floods-half', claim: 'The floods began on 29 October 2024 and destroyed more than 20,000 homes.', source: on(floods), expected: 'partial', note: 'start date yes, homes figure absent' },

  { id: 'vote-supported', claim: 'MPs voted 330 to 275 in favour of the assisted dying bill on 29 November 2024.', source: on(vote), expected: 'supported', note: 'paraphrase with numbers and date' },
  { id: 'vote-names', claim: 'Keir Starmer voted for the bill, while Angela Rayner voted against it.', source: on(vote), expected: 'supported', note: 'names, paraphrase' },
  { id: 'vote-negation', claim: 'Angela Rayner did not vote against the bill.', source: on(vote), expected: 'unsupported', note: 'source says she voted against' },
  { id: 'vote-lords', claim: 'The House of Lords rejected the bill in December 2024.', source: on(vote), expected: 'unsupported', note: 'not said' },
  { id: 'vote-wrong-number', claim: 'MPs voted by 330 to 257 to back the bill.', source: on(vote), expected: 'unsupported', note: 'source says 275' },
  { id: 'vote-half', claim: "Kim Leadbeater's bill was approved by MPs and became law in 2025.", source: on(vote), expected: 'partial', note: 'approval yes, law no' },
];
