// references.json: the zod schema is the single source of truth for its shape and its JSON Schema.
import * as z from 'zod';

/** A URL is kept as written: a malformed one is valid config and becomes `invalid-url` later. */
export const ReferenceSchema = z.strictObject({
  id: z.number().int().positive().describe('The footnote number in the article'),
  url: z.string().optional().describe('Where the source lives'),
  title: z.string().optional(),
  publisher: z.string().optional(),
  date: z.string().optional().describe('Publication date, ISO 8601 preferred'),
  language: z.string().optional().describe('BCP 47 language code of the source, e.g. "ru"'),
  archiveUrl: z.string().optional().describe('An archived copy, tried first when the source is unreachable'),
  accessDate: z.string().optional().describe('When the article\'s author read the source'),
  phrases: z.array(z.string().min(1)).optional()
    .describe('Phrases the source must contain for its claims to count as supported (any language)'),
  quote: z.string().optional()
    .describe('The passage the article quoted from the source (CS1 quote); counts as a given phrase'),
});

export const ReferencesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  article: z.string().optional().describe('Path of the article file, relative to this file'),
  references: z.array(ReferenceSchema),
}).superRefine((file, ctx) => {
  const seen = new Map<number, number>();
  file.references.forEach((ref, i) => {
    const first = seen.get(ref.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['references', i, 'id'],
        message: `duplicate id ${ref.id} (also at references[${first}])` });
    } else seen.set(ref.id, i);
  });
});

export type Reference = z.infer<typeof ReferenceSchema>;
export type ReferencesFile = z.infer<typeof ReferencesFileSchema>;
