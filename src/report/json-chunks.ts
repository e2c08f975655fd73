// JSON.stringify(value, null, 2) as a stream of pieces: a report past V8's string limit can still be written.

const isOmitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** What JSON.stringify would serialise in place of `v` (Dates and other values with toJSON). */
function toJsonValue(v: unknown, key: string): unknown {
  if (v !== null && typeof v === 'object' && 'toJSON' in v && typeof v.toJSON === 'function') {
    const toJSON: (k: string) => unknown = v.toJSON.bind(v);
    return toJSON(key);
  }
  return v;
}

/**
 * Yields pieces whose concatenation is exactly `JSON.stringify(value, null, 2)`. Containers down to
 * `depth` levels are opened piece by piece; anything deeper is one JSON.stringify call, so pieces stay
 * as small as one array element (a claim, a SARIF result) however long the arrays are.
 */
export function* jsonChunks(value: unknown, depth = 4): Generator<string> {
  yield* chunksAt(toJsonValue(value, ''), 0, depth);
}

function* chunksAt(value: unknown, level: number, depth: number): Generator<string> {
  if (level >= depth || value === null || typeof value !== 'object') {
    yield indent(JSON.stringify(value, null, 2) ?? 'null', level);
    return;
  }
  const pad = '  '.repeat(level + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i += 1) {
      const item = toJsonValue(value[i], String(i));
      yield i === 0 ? pad : `,\n${pad}`;
      if (isOmitted(item)) yield 'null';
      else yield* chunksAt(item, level + 1, depth);
    }
    yield `\n${'  '.repeat(level)}]`;
    return;
  }
  let first = true;
  for (const [key, raw] of Object.entries(value)) {
    const item = toJsonValue(raw, key);
    if (isOmitted(item)) continue;
    yield `${first ? '{\n' : ',\n'}${pad}${JSON.stringify(key)}: `;
    first = false;
    yield* chunksAt(item, level + 1, depth);
  }
  yield first ? '{}' : `\n${'  '.repeat(level)}}`;
}

/** JSON.stringify's own lines of a nested value, shifted to where it sits in the outer document. */
function indent(json: string, level: number): string {
  return level === 0 ? json : json.replace(/\n/g, `\n${'  '.repeat(level)}`);
}
