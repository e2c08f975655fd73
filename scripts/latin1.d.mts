// Types for scripts/latin1.mjs, so the bundle test can check its escaping.

export function latin1Source(code: string): { code: string; kept: number };
