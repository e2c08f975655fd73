// Public surface of the link-rot history: the SQLite store, the JSON document, strike rules, run folding, fingerprints.
export { loadHistory, saveHistory } from './store.js';
export { openHistory } from './sqlite.js';
export type { HistoryStore, StoreOptions } from './sqlite.js';
export type { HistoryReader, HistoryRun } from './reader.js';
export { historyLocation, openHistoryAt } from './file.js';
export type { HistoryLocation } from './file.js';
export { parseHistoryKeep, DEFAULT_HISTORY_KEEP } from './keep.js';
export { recordRun, hasNews } from './rot.js';
export type { SourceCheck, RunChanges, BrokenChange, RecoveredChange, DriftChange } from './rot.js';
export { DEFAULT_ROT_RULES, CHECK_EFFECT } from './rules.js';
export type { RotRules, CheckEffect } from './rules.js';
export { fingerprintText } from './fingerprint.js';
export { HistorySchema, HISTORY_VERSION, createEmptyHistory } from './schema.js';
export type { History, UrlHistory, CheckEntry } from './schema.js';
export { writeFileAtomic } from '../atomic.js';
export type { AtomicFs } from '../atomic.js';
