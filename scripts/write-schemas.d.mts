// Types for scripts/write-schemas.mjs, so the drift test can import its renderer.
import type { z } from 'zod';

type Schema = z.core.$ZodType;

export function renderSchemas(schemas: { ReferencesFileSchema: Schema; ReportSchema: Schema; ReviewsFileSchema: Schema }): Record<string, string>;
