// Recognises bot challenges and WAF blocks (field-notes §4.3) from headers and body, naming the vendor.
import { readHeader } from './headers.js';

export interface BotWallInput {
  status: number;
  headers: Record<string, string>;
  /** The decoded body (HTML or not). */
  body: string;
  /** Visible text of the page (no script/noscript), used to tell a challenge from an article. */
  visibleText: string;
}

interface Rule {
  vendor: string;
  why: string;
  /** `lower` is the lower-cased HTML, `text` the lower-cased visible text (entities decoded). */
  test: (input: BotWallInput, lower: string, text: string) => boolean;
}

// Challenge interstitials carry a few sentences at most; a real article carries far more. Markers
// that also appear on normal protected pages (CDN scripts, cookies) only count on a thin page.
const THIN_TEXT_CHARS = 1200;

function isThin(input: BotWallInput): boolean {
  return input.visibleText.length < THIN_TEXT_CHARS;
}

function titleOf(lower: string): string {
  return /<title[^>]*>([^<]*)<\/title>/.exec(lower)?.[1]?.trim() ?? '';
}

const header = (input: BotWallInput, name: string) => readHeader(input.headers, name)?.toLowerCase() ?? '';

// Rules whose marker only exists on a challenge or block page: they fire at any size.
const STRONG_RULES: Rule[] = [
  { vendor: 'cloudflare', why: 'cf-mitigated: challenge header', test: (i) => header(i, 'cf-mitigated').includes('challenge') },
  { vendor: 'cloudflare', why: 'Cloudflare challenge script (_cf_chl_opt)', test: (_, l) => l.includes('_cf_chl_opt') || l.includes('cf_chl_prog') },
  { vendor: 'cloudflare', why: '"Just a moment..." challenge page', test: (_, l) => /^(just a moment|un instant|einen moment|un momento|один момент)(\.\.\.|…)/.test(titleOf(l)) },
  { vendor: 'cloudflare', why: '"Attention Required! | Cloudflare" block page', test: (_, l) => titleOf(l).includes('attention required! | cloudflare') },
  { vendor: 'aws-waf', why: 'x-amzn-waf-action header', test: (i) => /challenge|captcha/.test(header(i, 'x-amzn-waf-action')) },
  { vendor: 'datadome', why: 'DataDome captcha (captcha-delivery.com)', test: (_, l) => l.includes('captcha-delivery.com') },
  { vendor: 'perimeterx', why: 'PerimeterX/HUMAN captcha (px-captcha)', test: (_, l) => /id=["']?px-captcha|perimeterx\.net\/whywasiblocked|believe you are using automation tools/.test(l) },
  { vendor: 'akamai', why: 'Akamai "Access Denied" with reference number', test: (i, _, t) => (header(i, 'server').includes('akamaighost') || t.includes('errors.edgesuite.net')) && t.includes('access denied') && /reference\s*#\s*\d/.test(t) },
  { vendor: 'incapsula', why: 'Imperva/Incapsula incident page', test: (_, l) => l.includes('incapsula incident id') },
];

const WEAK_RULES: Rule[] = [
  { vendor: 'cloudflare', why: 'Cloudflare challenge platform on a near-empty page', test: (_, l) => l.includes('/cdn-cgi/challenge-platform/') && !l.includes('/scripts/jsd/') },
  { vendor: 'aws-waf', why: 'AWS WAF challenge script on a near-empty page', test: (_, l) => /awswafintegration|awswafcaptcha|\.awswaf\.com\/[^"']*(challenge|captcha)\.js/.test(l) },
  { vendor: 'datadome', why: 'DataDome block script (var dd=) on a near-empty page', test: (_, l) => /var\s+dd\s*=\s*\{/.test(l) },
  { vendor: 'perimeterx', why: 'PerimeterX "Press & Hold" on a near-empty page', test: (_, l) => /press (&amp;|&) hold/.test(l) && l.includes('perimeterx') },
  { vendor: 'incapsula', why: 'Incapsula resource on a near-empty page', test: (i, l) => l.includes('_incapsula_resource') || (/incap_ses_|visid_incap_/.test(header(i, 'set-cookie')) && i.status >= 400) },
  { vendor: 'captcha', why: 'reCAPTCHA/hCaptcha/Turnstile on a near-empty page', test: (_, l) => /google\.com\/recaptcha|class=["'][^"']*g-recaptcha|hcaptcha\.com|class=["'][^"']*h-captcha|challenges\.cloudflare\.com\/turnstile|class=["'][^"']*cf-turnstile/.test(l) },
];

const JS_REQUIRED = /(enable|turn on|activate|allow) javascript|javascript (is )?(disabled|required|must be enabled|is not enabled)|requires javascript|включите javascript|activez javascript|javascript aktivieren/;

// A JS-only shell (x.com, some SPAs) shows nothing but a "please enable JavaScript" line.
function isJavaScriptShell(input: BotWallInput, lower: string): boolean {
  return input.visibleText.replace(JS_REQUIRED, '').trim().length < 200 && JS_REQUIRED.test(lower) && input.body.length < 200_000;
}

/** `{ vendor, why }` when the response is a bot challenge or WAF block, else undefined. */
export function detectBotWall(input: BotWallInput): { vendor: string; why: string } | undefined {
  // Challenge markers sit in the head or the first screenful; scanning all of a 5 MB page is waste.
  const lower = input.body.slice(0, 300_000).toLowerCase();
  const text = input.visibleText.slice(0, 300_000).toLowerCase();
  const strong = STRONG_RULES.find((rule) => rule.test(input, lower, text));
  if (strong) return { vendor: strong.vendor, why: strong.why };
  if (!isThin(input)) return undefined;
  const weak = WEAK_RULES.find((rule) => rule.test(input, lower, text));
  if (weak) return { vendor: weak.vendor, why: weak.why };
  if (isJavaScriptShell(input, lower)) return { vendor: 'javascript-required', why: 'near-empty page that only asks to enable JavaScript' };
  return undefined;
}
