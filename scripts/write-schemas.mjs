// Writes schema/references.schema.json and schema/report.schema.json from the zod schemas in dist/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/**
 * The JSON Schema files as { fileName: text }. references.json is written by people, so its schema
 * describes the input side (what an editor may type); report.json is what citecheck writes.
 */
export function renderSchemas({ ReferencesFileSchema, ReportSchema, ReviewsFileSchema }) {
  const one = (schema, io, title) => {
    const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
    return `${JSON.stringify({ $schema, title, ...rest }, null, 2)}\n`;
  };
  return {
    'references.schema.json': one(ReferencesFileSchema, 'input',
      'citecheck references.json: what is known about each footnote of the article'),
    'report.schema.json': one(ReportSchema, 'output', 'citecheck report.json'),
    'reviews.schema.json': one(ReviewsFileSchema, 'input',
      'citecheck.reviews.json: reviewers\' decisions on citations, honoured while the source is unchanged'),
  };
}

async function main() {
  const { ReferencesFileSchema } = await import('../dist/config/schema.js');
  const { ReportFileSchema: ReportSchema } = await import('../dist/report/schema.js');
  const { ReviewsFileSchema } = await import('../dist/review/schema.js');
  const dir = new URL('../schema/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(renderSchemas({ ReferencesFileSchema, ReportSchema, ReviewsFileSchema }))) {
    writeFileSync(new URL(name, dir), text);
    console.log(`wrote schema/${name}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
