// The committed JSON Schemas equal a fresh generation from the zod schemas, so they never drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from '../scripts/write-schemas.mjs';
import { ReferencesFileSchema } from '../src/config/schema.js';
import { ReportFileSchema as ReportSchema } from '../src/report/schema.js';
import { ReviewsFileSchema } from '../src/review/schema.js';

describe('schema/*.json', () => {
  const fresh = renderSchemas({ ReferencesFileSchema, ReportSchema, ReviewsFileSchema });

  it.each(Object.keys(fresh))('%s matches the zod schema (run `npm run schema` after changing it)', (name) => {
    const committed = readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');
    expect(committed).toBe(fresh[name]);
  });

  it('describes references.json strictly: unknown keys are not allowed, id is required', () => {
    const schema: unknown = JSON.parse(fresh['references.schema.json'] ?? '{}');
    expect(schema).toMatchObject({
      additionalProperties: false,
      required: ['references'],
      properties: { references: { items: { required: ['id'], additionalProperties: false } } },
    });
  });
});
