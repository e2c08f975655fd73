// The HTML report's stylesheet, including the pure-CSS filters (radio :checked + :has, no script).
import { LINK_STATUSES, VERDICTS } from '../types.js';

/** Ids of the filter radios; `all` first in each group. The markup and the CSS must agree on these. */
export const verdictFilterId = (v: string): string => `fv-${v}`;
export const linkFilterId = (l: string): string => `fl-${l}`;

/**
 * Why CSS and not a script: the CSP can then say `default-src 'none'` with no script-src at all, so even
 * an escaping bug could not run code. The radios sit before <main> as siblings, so `~` reaches it.
 * Each container (claim, section, the list) carries the words of the citations inside it — `data-v`
 * verdicts, `data-l` link statuses, `data-vl` verdict/link pairs — so plain `~=` attribute selectors
 * decide what to hide. (`:has()` did the same but took over a second per click on 2,000 claims.)
 */
function filterRules(): string {
  const rules: string[] = [];
  const hideUnless = (when: string, attr: string, word: string): void => {
    rules.push(`${when}~main :is(.claim,.article-section):not([${attr}~="${word}"]){display:none}`);
    rules.push(`${when}~main .claims-list:not([${attr}~="${word}"]) .no-match{display:block}`);
  };
  for (const v of VERDICTS) {
    const when = `#${verdictFilterId(v)}:checked`;
    rules.push(`${when}~main .citation:not([data-verdict="${v}"]){display:none}`);
    hideUnless(when, 'data-v', v);
  }
  for (const l of LINK_STATUSES) {
    const when = `#${linkFilterId(l)}:checked`;
    rules.push(`${when}~main .citation:not([data-link="${l}"]){display:none}`);
    hideUnless(when, 'data-l', l);
  }
  // Both filters set: a claim stays only if ONE citation matches both, not one each.
  for (const v of VERDICTS) {
    for (const l of LINK_STATUSES) hideUnless(`#${verdictFilterId(v)}:checked~#${linkFilterId(l)}:checked`, 'data-vl', `${v}/${l}`);
  }
  for (const id of ['all', ...VERDICTS].map(verdictFilterId).concat(['all', ...LINK_STATUSES].map(linkFilterId))) {
    rules.push(`#${id}:checked~main label[for="${id}"]{background:#1e293b;color:#fff;border-color:#1e293b}`);
    rules.push(`#${id}:focus-visible~main label[for="${id}"]{outline:3px solid #2563eb;outline-offset:2px}`);
  }
  return rules.join('\n');
}

/** The filter attributes of a container, from the citations inside it (see filterRules). */
export function filterAttributes(citations: readonly { verdict: string; linkStatus: string }[]): string {
  const words = (xs: string[]) => [...new Set(xs)].join(' ');
  return `data-v="${words(citations.map((c) => c.verdict))}" data-l="${words(citations.map((c) => c.linkStatus))}"`
    + ` data-vl="${words(citations.map((c) => `${c.verdict}/${c.linkStatus}`))}"`;
}

/** Badge colours: dark text on a light tint (contrast ≥ 7:1), and the word is always written out. */
const BADGES = `
.badge{display:inline-block;padding:.1em .55em;border-radius:999px;border:1px solid;font-size:.8rem;font-weight:600;white-space:nowrap}
.v-supported{background:#dcfce7;color:#14532d;border-color:#86efac}
.v-partial{background:#fef9c3;color:#713f12;border-color:#fde047}
.v-unsupported{background:#ffedd5;color:#7c2d12;border-color:#fdba74}
.v-unverifiable{background:#e0e7ff;color:#312e81;border-color:#a5b4fc}
.v-broken{background:#fee2e2;color:#7f1d1d;border-color:#fca5a5}
.v-missing{background:#f3e8ff;color:#581c87;border-color:#d8b4fe}
.l-ok,.l-redirected{background:#f0fdf4;color:#166534;border-color:#bbf7d0}
.l-dead,.l-soft-404,.l-invalid-url{background:#fef2f2;color:#991b1b;border-color:#fecaca}
.l-blocked,.l-paywalled,.l-timeout,.l-error,.l-private-address{background:#f8fafc;color:#334155;border-color:#cbd5e1}
.badge.review{background:#ecfeff;color:#134e4a;border-color:#5eead4}
.badge.review.stale{background:#fff7ed;color:#7c2d12;border-color:#fdba74;border-style:dashed}
.review{font-style:italic}
.l-no-url{background:#faf5ff;color:#6b21a8;border-color:#e9d5ff}`;

const LAYOUT = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
.filter-input{position:absolute;opacity:0;width:1px;height:1px;pointer-events:none}
header.top,main{max-width:64rem;margin:0 auto;padding:0 1.25rem}
header.top{padding-top:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:2px solid #e2e8f0;padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem;color:#334155}
.meta{color:#475569;font-size:.9rem;margin:0}
.offline{background:#fef3c7;border:2px solid #b45309;color:#78350f;padding:.75rem 1rem;border-radius:.5rem;margin:1rem 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem;margin-bottom:.75rem}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:.75rem 1rem}
.card h3{margin:0 0 .5rem;font-size:.95rem}
.big{font-size:1.6rem;font-weight:700}
meter{width:100%;height:.8rem}
.counts{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.filters{background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:.6rem 1rem;margin-top:1rem;position:sticky;top:0;z-index:1}
.filters>div{display:flex;gap:.5rem;align-items:baseline;margin:.25rem 0}
.filters .group{font-weight:600;flex:0 0 6.5rem}
.filters .opts{display:flex;flex-wrap:wrap;gap:.35rem}
.no-match{display:none;font-style:italic;color:#475569}
.attention .big{color:#9a3412}
.filters label{cursor:pointer;border:1px solid #cbd5e1;border-radius:999px;padding:.05rem .6rem;font-size:.85rem;background:#f8fafc}
.claim{scroll-margin-top:7rem;background:#fff;border:1px solid #e2e8f0;border-left:6px solid #94a3b8;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}
.claim[data-verdict="supported"]{border-left-color:#16a34a}.claim[data-verdict="partial"]{border-left-color:#ca8a04}
.claim[data-verdict="unsupported"]{border-left-color:#ea580c}.claim[data-verdict="unverifiable"]{border-left-color:#6366f1}
.claim[data-verdict="broken"]{border-left-color:#dc2626}.claim[data-verdict="missing"]{border-left-color:#9333ea}
.claim-head{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;color:#475569;font-size:.85rem}
.claim-text{font-size:1.02rem;margin:.35rem 0 .5rem}
.citations{list-style:none;margin:0;padding:0}
.citation{border-top:1px dashed #e2e8f0;padding:.5rem 0 .25rem}
.cit-head{display:flex;gap:.4rem;align-items:center;flex-wrap:wrap}
.fn{font-weight:700}
.links{margin:.3rem 0;padding-left:1.1rem;font-size:.88rem}
a{color:#1d4ed8;overflow-wrap:anywhere}
blockquote.evidence{margin:.4rem 0;padding:.4rem .75rem;background:#f1f5f9;border-left:3px solid #64748b;overflow-wrap:anywhere}
mark{background:#fde68a;color:inherit;padding:0 .1em}
.phrases{font-size:.88rem;margin:.2rem 0}
.miss{text-decoration:line-through;text-decoration-color:#b91c1c;color:#7f1d1d}
.reason{color:#475569;font-size:.88rem;margin:.2rem 0}
.archive-check{margin:.4rem 0 .2rem 1rem;padding:.3rem .75rem;border-left:3px dotted #6366f1;background:#fafaff}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.88rem}
th,td{border:1px solid #e2e8f0;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f1f5f9;white-space:nowrap}
/* Long reports only: skipping off-screen claims cut load from 2 s to 0.5 s at 2,000 claims, but a
   full-page screenshot would show the skipped ones blank, so short reports keep plain rendering. */
.long .claim{content-visibility:auto;contain-intrinsic-size:auto 14rem}
footer{max-width:64rem;margin:2rem auto;padding:0 1.25rem;color:#64748b;font-size:.8rem}
@media print{
  body{background:#fff;font-size:11pt}
  .filters,.filter-input,.no-match{display:none!important}
  .claim,.citation,.article-section{display:block!important}
  .long .claim{content-visibility:visible}
  .claim{break-inside:avoid}
  .claim{border:1px solid #94a3b8;border-left-width:6px}
  a{color:#000}
}`;

export function renderStyle(): string {
  return `${LAYOUT}\n${BADGES}\n${filterRules()}\n`;
}
