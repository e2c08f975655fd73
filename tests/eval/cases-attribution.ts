// Holdout (issue 12), written before the matcher changed: who said or did it (speakers, pronouns, "according to").
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const port = newsPage({
  title: 'Moscow condemns strike on port',
  date: '2024-02-12',
  paragraphs: [
    'Russian Foreign Minister Sergei Lavrov on Monday condemned the bombardment of the port, calling it "a violation of international law".',
    'President Vladimir Putin said the talks with Turkey had been "constructive" and promised to continue the dialogue.',
    'Kremlin spokesman Dmitry Peskov declined to comment on the number of casualties.',
  ],
});

const match = newsPage({
  title: 'Comeback win lifts Rovers',
  date: '2024-04-07',
  paragraphs: [
    'Manager Elena Ruiz praised her players after the 3-1 win, saying they had "never given up" after falling behind.',
    'Club owner Marco Bellini criticised the referee, claiming the second goal for the visitors should have been disallowed.',
    'Captain Jonas Berg scored twice in the second half.',
  ],
});

const vaccine = newsPage({
  title: 'Vaccination programme extended to children',
  date: '2023-11-21',
  paragraphs: [
    'The health minister, Sofia Lind, announced on Tuesday that the vaccination programme would be extended to children over five.',
    'Opposition leader Karl Moen said the decision came too late for many families.',
    'According to the national health agency, 2.3 million doses have been delivered so far.',
  ],
});

const on = (html: string) => ({ html });

export const ATTRIBUTION_CASES: EvalCase[] = [
  { id: 'attr-lavrov-condemned', claim: 'Sergei Lavrov condemned the bombardment of the port.', source: on(port), expected: 'supported', note: 'the source\'s speaker' },
  { id: 'attr-putin-condemned', claim: 'Vladimir Putin condemned the bombardment of the port.', source: on(port), expected: 'unsupported', note: 'Lavrov condemned it, not Putin' },
  { id: 'attr-he-putin-condemned', claim: 'He also condemned the bombardment of the port.', context: 'Vladimir Putin spoke to reporters in Sochi after meeting the Turkish president.', source: on(port), expected: 'unsupported', note: '"he" is Putin; the source says Lavrov' },
  { id: 'attr-he-lavrov-condemned', claim: 'He condemned the bombardment of the port as a violation of international law.', context: 'Sergei Lavrov spoke to reporters on Monday.', source: on(port), expected: 'supported', note: '"he" is Lavrov' },
  { id: 'attr-putin-constructive', claim: 'Putin described the talks with Turkey as "constructive".', source: on(port), expected: 'supported', note: 'described/said' },
  { id: 'attr-lavrov-constructive', claim: 'Lavrov described the talks with Turkey as "constructive".', source: on(port), expected: 'unsupported', note: 'Putin said it' },
  { id: 'attr-according-peskov', claim: 'According to Dmitry Peskov, the bombardment was "a violation of international law".', source: on(port), expected: 'unsupported', note: 'Lavrov\'s words' },
  { id: 'attr-peskov-declined', claim: 'Dmitry Peskov declined to comment on the number of casualties.', source: on(port), expected: 'supported', note: 'verbatim' },
  { id: 'attr-putin-declined', claim: 'Putin declined to comment on the number of casualties.', source: on(port), expected: 'unsupported', note: 'Peskov declined' },
  { id: 'attr-he-peskov-refused', claim: 'He refused to comment on the casualties.', context: 'Kremlin spokesman Dmitry Peskov was asked about the casualties.', source: on(port), expected: 'supported', note: 'refused/declined; he = Peskov' },
  { id: 'attr-ruiz-quote', claim: 'Elena Ruiz said her players had "never given up".', source: on(match), expected: 'supported', note: 'the source\'s speaker' },
  { id: 'attr-bellini-quote', claim: 'Marco Bellini said the players had "never given up".', source: on(match), expected: 'unsupported', note: 'Ruiz said it' },
  { id: 'attr-ruiz-referee', claim: 'Elena Ruiz criticised the referee after the match.', source: on(match), expected: 'unsupported', note: 'Bellini criticised the referee' },
  { id: 'attr-bellini-referee', claim: 'Club owner Marco Bellini criticised the referee.', source: on(match), expected: 'supported', note: 'the source\'s speaker' },
  { id: 'attr-he-berg-referee', claim: 'He also criticised the referee.', context: 'Jonas Berg scored twice in the second half.', source: on(match), expected: 'unsupported', note: '"he" is Berg; Bellini criticised the referee' },
  { id: 'attr-he-bellini-referee', claim: 'He later criticised the referee over the second goal.', context: 'Club owner Marco Bellini watched the match from the stands.', source: on(match), expected: 'supported', note: '"he" is Bellini' },
  { id: 'attr-agency-doses', claim: 'According to the national health agency, 2.3 million doses have been delivered.', source: on(vaccine), expected: 'supported', note: 'the source\'s attribution' },
  { id: 'attr-moen-too-late', claim: 'Karl Moen said the decision came too late.', source: on(vaccine), expected: 'supported', note: 'the source\'s speaker' },
  { id: 'attr-lind-too-late', claim: 'Sofia Lind said the decision came too late.', source: on(vaccine), expected: 'unsupported', note: 'Moen said it' },
  { id: 'attr-lind-announced', claim: 'Health minister Sofia Lind announced that the vaccination programme would be extended to children over five.', source: on(vaccine), expected: 'supported', note: 'the source\'s speaker' },
  { id: 'attr-moen-announced', claim: 'Opposition leader Karl Moen announced that the vaccination programme would be extended to children over five.', source: on(vaccine), expected: 'unsupported', note: 'Lind announced it' },
  { id: 'attr-she-lind', claim: 'She said the programme would be extended to children over five.', context: 'Sofia Lind spoke at a press conference on Tuesday.', source: on(vaccine), expected: 'supported', note: '"she" is Lind' },
  { id: 'attr-he-moen-late', claim: 'He said the decision came too late.', context: 'Karl Moen, the opposition leader, spoke after the minister.', source: on(vaccine), expected: 'supported', note: '"he" is Moen' },
  { id: 'attr-he-moen-announced', claim: 'He announced that the programme would be extended to children over five.', context: 'Karl Moen, the opposition leader, spoke after the minister.', source: on(vaccine), expected: 'unsupported', note: '"he" is Moen; Lind announced it' },
];
