// Public surface of the archive layer: the Wayback client and the deprecated-archive check.
export { createWaybackClient } from './wayback.js';
export type { WaybackClient, WaybackClientOptions, CaptureLookup, Capture } from './wayback.js';
export { isDeprecatedArchive } from './deprecated.js';
export { chooseCapture, toTimestamp } from './cdx.js';
export { createTokenBucket } from './bucket.js';
export { parseRetryAfter } from '../sources/retry.js';
export type { TokenBucket, Clock } from './bucket.js';
export type { CacheEntry } from './cache.js';
