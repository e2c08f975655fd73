// JSON-LD blocks → article text, publication date and the paywall facts publishers declare there.

export interface JsonLdFacts {
  /** articleBody / headline / alternativeHeadline / description, in document order, deduplicated. */
  texts: string[];
  datePublished?: string;
  wordCount?: number;
  /** Some item (or one of its parts) says isAccessibleForFree: false. */
  lockedFlag: boolean;
  /** `.class` selectors of hasPart elements marked not free (Google's paywall markup). */
  lockedSelectors: string[];
  /** @type values seen (`NewsArticle`, `WebPage`, …). */
  types: string[];
}

type JsonRecord = { [key: string]: unknown };

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Publishers write `false`, `"False"`, `"false"` and occasionally `"no"`. */
function isFalseFlag(value: unknown): boolean {
  if (value === false) return true;
  return typeof value === 'string' && /^(false|no|0)$/i.test(value.trim());
}

// Hand-written JSON-LD often has raw newlines in strings, trailing commas or HTML comments.
function parseLenient(raw: string): unknown {
  const attempts = [
    raw,
    raw
      .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, '')
      .replace(/(-->|\/\/\s*\]\]>)\s*$/, '')
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1'),
  ];
  for (const text of attempts) {
    try {
      return JSON.parse(text);
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

/** Items of one block: top-level objects, arrays of them and their @graph members. */
function flattenItems(value: unknown, out: JsonRecord[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) flattenItems(item, out, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  out.push(value);
  flattenItems(value['@graph'], out, depth + 1);
  // A WebPage often wraps the article as mainEntity.
  if (isRecord(value['mainEntity'])) flattenItems(value['mainEntity'], out, depth + 1);
}

function readTypes(item: JsonRecord): string[] {
  const type = item['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function readWordCount(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function readLockedParts(item: JsonRecord, facts: JsonLdFacts): void {
  const parts = Array.isArray(item['hasPart']) ? item['hasPart'] : [item['hasPart']];
  for (const part of parts) {
    if (!isRecord(part) || !isFalseFlag(part['isAccessibleForFree'])) continue;
    facts.lockedFlag = true;
    const selector = part['cssSelector'];
    if (typeof selector === 'string' && selector.trim()) facts.lockedSelectors.push(selector.trim());
  }
}

const TEXT_KEYS = ['headline', 'alternativeHeadline', 'description', 'articleBody'] as const;

function readItem(item: JsonRecord, facts: JsonLdFacts): void {
  facts.types.push(...readTypes(item));
  for (const key of TEXT_KEYS) {
    const value = item[key];
    if (typeof value === 'string' && value.trim() && !facts.texts.includes(value.trim())) facts.texts.push(value.trim());
  }
  const date = item['datePublished'];
  if (facts.datePublished === undefined && typeof date === 'string' && date.trim()) facts.datePublished = date.trim();
  facts.wordCount ??= readWordCount(item['wordCount']);
  if (isFalseFlag(item['isAccessibleForFree'])) facts.lockedFlag = true;
  readLockedParts(item, facts);
}

/** Reads every `<script type="application/ld+json">` body given; unparseable blocks are skipped. */
export function readJsonLd(blocks: string[]): JsonLdFacts {
  const facts: JsonLdFacts = { texts: [], lockedFlag: false, lockedSelectors: [], types: [] };
  for (const block of blocks) {
    const items: JsonRecord[] = [];
    flattenItems(parseLenient(block), items);
    for (const item of items) readItem(item, facts);
  }
  return facts;
}
