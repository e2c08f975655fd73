// Recognises bot challenges and WAF blocks (field-notes §4.3) from headers and body, naming the vendor.
import { readHeader } from './headers.js';
import { readMarkup, type Markup } from './markup.js';

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
  test: (input: BotWallInput, page: Markup) => boolean;
}

// Challenge interstitials carry a few sentences at most; a real article carries far more. Markers
// an article could also carry (quoted wording, vendor scripts, widgets) only count on a thin page.
const THIN_TEXT_CHARS = 1200;
// A marker in the place a challenge puts it (its inline script, its title) still does not make a
// long readable article a challenge: the vendors' interstitials never carry this much text.
const ARTICLE_TEXT_CHARS = 3000;

const header = (input: BotWallInput, name: string) => readHeader(input.headers, name)?.toLowerCase() ?? '';

// Headers are set by the WAF itself, never by an article: they count at any size.
const HEADER_RULES: Rule[] = [
  { vendor: 'cloudflare', why: 'cf-mitigated: challenge header', test: (i) => header(i, 'cf-mitigated').includes('challenge') },
  { vendor: 'aws-waf', why: 'x-amzn-waf-action header', test: (i) => /challenge|captcha/.test(header(i, 'x-amzn-waf-action')) },
  { vendor: 'sucuri', why: 'x-sucuri-block header', test: (i) => header(i, 'x-sucuri-block') !== '' },
];

// Titles a challenge or block page has exactly; an article titled "Just a moment... Russia …" is not one.
const CHALLENGE_TITLE = /^((just a moment|un instant|einen moment|un momento|один момент|please wait)(\.\.\.|…)|attention required! \| cloudflare|please wait\.\.\. \| cloudflare)$/;

// Markers in the places a challenge page puts them: its inline scripts, script/iframe sources, elements.
const PLACED_RULES: Rule[] = [
  { vendor: 'cloudflare', why: 'Cloudflare challenge script (_cf_chl_opt)', test: (_, p) => /_cf_chl_opt|cf_chl_prog/.test(p.inlineScripts) },
  { vendor: 'cloudflare', why: 'Cloudflare challenge page title', test: (_, p) => CHALLENGE_TITLE.test(p.title) },
  { vendor: 'datadome', why: 'DataDome captcha (captcha-delivery.com)', test: (_, p) => p.sources.some((s) => /(^|\/\/|\.)captcha-delivery\.com/.test(s)) },
  { vendor: 'perimeterx', why: 'PerimeterX/HUMAN captcha (px-captcha)', test: (_, p) => /<[a-z][^<>]*\bid\s*=\s*["']?px-captcha/.test(p.lower) || p.sources.some((s) => /captcha\.px-cdn\.net|perimeterx\.net\/whywasiblocked/.test(s)) },
  { vendor: 'incapsula', why: 'Imperva/Incapsula incident frame', test: (_, p) => p.sources.some((s) => /_incapsula_resource\?[^ ]*(incident_id|cwudnsai)/.test(s)) },
];

// Words a verification page says around its widget; a comment form's reCAPTCHA says none of them.
const VERIFY_WORDING = /security (check|verification)|verify(ing)? (that )?you('re| are) (a )?human|(confirm|prove) (that )?you('re| are) (a )?human|not a robot|are you a (robot|human)|unusual traffic|complete the (captcha|challenge)|one more step|human verification|checking your browser|access (to this page )?(has been )?denied|bot protection/;

const THIN_RULES: Rule[] = [
  { vendor: 'cloudflare', why: 'Cloudflare challenge platform on a near-empty page', test: (_, p) => p.lower.includes('/cdn-cgi/challenge-platform/') && !p.lower.includes('/scripts/jsd/') },
  { vendor: 'cloudflare', why: 'Cloudflare browser check text', test: (_, p) => /checking your browser before accessing|verify you are human by completing the action below|enable javascript and cookies to continue/.test(`${p.text}\n${p.lower}`) },
  { vendor: 'aws-waf', why: 'AWS WAF challenge script on a near-empty page', test: (_, p) => /awswafintegration|awswafcaptcha|\.awswaf\.com\/[^"']*(challenge|captcha)\.js/.test(p.lower) },
  { vendor: 'datadome', why: 'DataDome block script (var dd=) on a near-empty page', test: (_, p) => /var\s+dd\s*=\s*\{/.test(p.inlineScripts) },
  { vendor: 'perimeterx', why: 'PerimeterX block wording on a near-empty page', test: (_, p) => /believe you are using automation tools/.test(p.text) || (/press (&amp;|&) hold/.test(p.lower) && p.lower.includes('perimeterx')) },
  { vendor: 'akamai', why: 'Akamai "Access Denied" with reference number', test: (i, p) => (header(i, 'server').includes('akamaighost') || p.text.includes('errors.edgesuite.net')) && p.text.includes('access denied') && /reference\s*#\s*\d/.test(p.text) },
  { vendor: 'incapsula', why: 'Imperva/Incapsula incident page', test: (i, p) => p.lower.includes('incapsula incident id') || (/incap_ses_|visid_incap_/.test(header(i, 'set-cookie')) && i.status >= 400) },
  { vendor: 'sucuri', why: 'Sucuri Website Firewall block page', test: (_, p) => /sucuri website firewall/.test(`${p.title}\n${p.text}`) && /access denied|blocked/.test(`${p.title}\n${p.text}`) },
  { vendor: 'captcha', why: 'reCAPTCHA/hCaptcha/Turnstile on a verification page', test: (_, p) => hasCaptchaWidget(p.lower) && VERIFY_WORDING.test(`${p.title}\n${p.text}`) },
];

function hasCaptchaWidget(lower: string): boolean {
  return /google\.com\/recaptcha|class=["'][^"']*g-recaptcha|hcaptcha\.com|class=["'][^"']*h-captcha|challenges\.cloudflare\.com\/turnstile|class=["'][^"']*cf-turnstile/.test(lower);
}

const JS_REQUIRED = /(enable|turn on|activate|allow) javascript|javascript (is )?(disabled|required|must be enabled|is not enabled|is not available)|requires javascript|включите javascript|activez javascript|javascript aktivieren/;
// "Enable JavaScript to view the comments" is about one widget on a readable page, not the page.
const WIDGET_NOTICE = /javascript (in your browser )?(to|in order to) (view|see|load|post|use|watch|play|read) (the |this |our )?(comments?|discussion|disqus|video|player|map|chart|graphic|interactive|form|poll|quiz|widget|embed)/;
// A line of prose: a reader's sentence, which a shell never has beside its JavaScript notice.
const PROSE_LINE_WORDS = 10;

function hasProse(text: string): boolean {
  return text.split('\n').some((line) => !JS_REQUIRED.test(line) && line.split(/\s+/).length >= PROSE_LINE_WORDS);
}

// A JS-only shell (x.com, some SPAs) shows nothing but a "please enable JavaScript" line.
function isJavaScriptShell(input: BotWallInput, p: Markup): boolean {
  const notice = p.lower.replace(WIDGET_NOTICE, '');
  return JS_REQUIRED.test(notice) && input.body.length < 200_000 && p.text.replace(JS_REQUIRED, '').trim().length < 200 && !hasProse(p.text);
}

/** `{ vendor, why }` when the response is a bot challenge or WAF block, else undefined. */
export function detectBotWall(input: BotWallInput): { vendor: string; why: string } | undefined {
  const found = (rule: Rule | undefined) => (rule ? { vendor: rule.vendor, why: rule.why } : undefined);
  const byHeader = HEADER_RULES.find((rule) => rule.test(input, EMPTY_MARKUP));
  if (byHeader) return found(byHeader);
  if (input.visibleText.length >= ARTICLE_TEXT_CHARS) return undefined;
  // Challenge markers sit in the head or the first screenful; scanning all of a 5 MB page is waste.
  const page = readMarkup(input.body.slice(0, 300_000), input.visibleText.slice(0, 300_000));
  const placed = PLACED_RULES.find((rule) => rule.test(input, page));
  if (placed) return found(placed);
  if (input.visibleText.length >= THIN_TEXT_CHARS) return undefined;
  const thin = THIN_RULES.find((rule) => rule.test(input, page));
  if (thin) return found(thin);
  if (isJavaScriptShell(input, page)) return { vendor: 'javascript-required', why: 'near-empty page that only asks to enable JavaScript' };
  return undefined;
}

const EMPTY_MARKUP: Markup = { lower: '', text: '', title: '', inlineScripts: '', sources: [] };
