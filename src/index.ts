// Public API: the pipeline and its vocabulary.
export * from './types.js';
export { ReferencesFileSchema, type Reference, type ReferencesFile } from './config/schema.js';
export { ReportSchema, type Report } from './report/schema.js';
