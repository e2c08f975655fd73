// Types for scripts/write-schemas.mjs, so the drift test can import its renderer.
import type { ZodType } from 'zod';

export function renderSchemas(schemas: { ReferencesFileSchema: ZodType; ReportSchema: ZodType; ReviewsFileSchema: ZodType }): Record<string, string>;
