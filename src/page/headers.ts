// Case-insensitive access to response headers, whatever casing the fetch stage kept.

export function readHeader(headers: Record<string, string>, name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** The media type without parameters, lower-cased (`text/html`). */
export function readMediaType(headers: Record<string, string>): string {
  return (readHeader(headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
