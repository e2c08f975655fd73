// JSON-LD blocks → article text, publication date and the paywall facts publishers declare there.

export interface JsonLdFacts {
  /**
   * articleBody / headline / alternativeHeadline / description of the page's own item (see
   * findMainItems), in document order, deduplicated: a related article's headline in the same
   * @graph is not what this page says.
   */
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
function flattenItems(value: unknown, out: JsonRecord[], mains: Set<JsonRecord>, depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) flattenItems(item, out, mains, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  out.push(value);
  flattenItems(value['@graph'], out, mains, depth + 1);
  // A WebPage often wraps the article as mainEntity: that one is the page's own item.
  if (isRecord(value['mainEntity'])) {
    mains.add(value['mainEntity']);
    flattenItems(value['mainEntity'], out, mains, depth + 1);
  }
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

/** `https://x.org/a/?utm=1#top` and `https://x.org/a` name the same page. */
function pageKey(url: string): string {
  return url.trim().replace(/[?#].*$/, '').replace(/\/+$/, '').replace(/^https?:\/\/(www\.)?/i, '').toLowerCase();
}

function idsOf(item: JsonRecord): string[] {
  const own = [item['url'], item['@id']];
  const page = item['mainEntityOfPage'];
  const pageIds = isRecord(page) ? [page['@id'], page['url']] : [page];
  return [...own, ...pageIds].filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
}

/**
 * The page's own item(s), whose text is what the page says: the item whose url / @id /
 * mainEntityOfPage is the page's URL; else a WebPage's mainEntity or an item declaring
 * mainEntityOfPage; else the first Article-type item; else (no article at all) every item.
 */
function findMainItems(items: readonly JsonRecord[], mains: ReadonlySet<JsonRecord>, pageUrl: string | undefined): JsonRecord[] {
  const key = pageUrl ? pageKey(pageUrl) : undefined;
  const byUrl = key ? items.find((item) => idsOf(item).some((id) => pageKey(id) === key) && readTypes(item).some((t) => ARTICLE_TYPE.test(t))) : undefined;
  if (byUrl) return [byUrl];
  const declared = items.find((item) => mains.has(item)) ?? items.find((item) => item['mainEntityOfPage'] !== undefined && readTypes(item).some((t) => ARTICLE_TYPE.test(t)));
  if (declared) return [declared];
  const article = items.find((item) => readTypes(item).some((t) => ARTICLE_TYPE.test(t)));
  return article ? [article] : [...items];
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

function readTexts(item: JsonRecord, facts: JsonLdFacts): void {
  for (const key of TEXT_KEYS) {
    const value = item[key];
    if (typeof value === 'string' && value.trim() && !facts.texts.includes(value.trim())) facts.texts.push(value.trim());
  }
}

function readItem(item: JsonRecord, facts: JsonLdFacts): void {
  facts.types.push(...readTypes(item));
  const date = item['datePublished'];
  if (facts.datePublished === undefined && typeof date === 'string' && date.trim()) facts.datePublished = date.trim();
  facts.wordCount ??= readWordCount(item['wordCount']);
  if (isFalseFlag(item['isAccessibleForFree'])) facts.lockedFlag = true;
  readLockedParts(item, facts);
}

/**
 * Reads every `<script type="application/ld+json">` body given; unparseable blocks are skipped.
 * `pageUrl` (the page's final URL), when known, picks the page's own item among several.
 */
export function readJsonLd(blocks: string[], pageUrl?: string): JsonLdFacts {
  const facts: JsonLdFacts = { texts: [], lockedFlag: false, lockedSelectors: [], types: [] };
  const items: JsonRecord[] = [];
  const mains = new Set<JsonRecord>();
  for (const block of blocks) flattenItems(parseLenient(block), items, mains);
  const main = findMainItems(items, mains, pageUrl);
  // paywall flags and types may sit on any item (often the WebPage); the date is the page's own
  for (const item of items) readItem(item, facts);
  const ownDate = main.map((item) => item['datePublished']).find((d): d is string => typeof d === 'string' && d.trim().length > 0);
  if (ownDate) facts.datePublished = ownDate.trim();
  for (const item of main) readTexts(item, facts);
  return facts;
}
