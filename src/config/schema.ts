// references.json: the zod schema is the single source of truth for its shape and its JSON Schema.
// zod/mini, not zod: the CLI checks references.json before its first request, and mini's schemas are
// built without classic zod's per-instance methods (Node 20: ~10 ms less before that request).
import * as z from 'zod/mini';

const text = () => z.optional(z.string());
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description));

/** A URL is kept as written: a malformed one is valid config and becomes `invalid-url` later. */
export const ReferenceSchema = z.strictObject({
  id: described(z.number().check(z.int(), z.positive()), 'The footnote number in the article'),
  url: described(text(), 'Where the source lives'),
  title: text(),
  publisher: text(),
  date: described(text(), 'Publication date, ISO 8601 preferred'),
  language: described(text(), 'BCP 47 language code of the source, e.g. "ru"'),
  archiveUrl: described(text(), 'An archived copy, tried first when the source is unreachable'),
  accessDate: described(text(), 'When the article\'s author read the source'),
  phrases: described(z.optional(z.array(z.string().check(z.minLength(1)))),
    'Phrases the source must contain for its claims to count as supported (any language)'),
  quote: described(text(), 'The passage the article quoted from the source (CS1 quote); counts as a given phrase'),
});

export const ReferencesFileSchema = z.strictObject({
  $schema: text(),
  article: described(text(), 'Path of the article file, relative to this file'),
  references: z.array(ReferenceSchema),
}).check(z.superRefine((file, ctx) => {
  const seen = new Map<number, number>();
  file.references.forEach((ref, i) => {
    const first = seen.get(ref.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['references', i, 'id'],
        message: `duplicate id ${ref.id} (also at references[${first}])` });
    } else seen.set(ref.id, i);
  });
}));

export type Reference = z.infer<typeof ReferenceSchema>;
export type ReferencesFile = z.infer<typeof ReferencesFileSchema>;
