import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderHtml } from '../src/report/html.js';
import { sampleReport } from './fixtures/report/sample.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(import.meta.dirname, 'output');

/** WCAG 2 contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (rgb: string) => {
    const [r = 0, g = 0, bl = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    // Fail, never skip: a report nobody opened in a browser is not tested.
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
    await mkdir(OUT, { recursive: true });
    const file = join(OUT, 'report.html');
    await writeFile(file, renderHtml(sampleReport));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    // A loaded machine is slow, not broken: Playwright's 30 s default per action is not the test.
    page.setDefaultTimeout(120_000);
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text()); });
    page.on('request', (req) => { if (!req.url().startsWith('file:')) requests.push(req.url()); });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  }, 120_000);

  // Playwright's :visible, not DOM types: this project compiles without lib.dom.
  const visibleClaims = () => page.locator('article.claim:visible').evaluateAll((els) => els.map((e) => e.id));

  it('shows the summary with the counts and the two ratios', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Summary' }).isVisible(), { timeout: 60_000 }).toBe(true);
    const summary = await page.locator('section[aria-labelledby="summary-h"]').innerText();
    expect(summary).toContain('30.0%');
    expect(summary).toContain('37.5%');
    expect(summary).toMatch(/broken\s+3/);
    expect(await page.getByRole('heading', { name: /Changes since the run of 2026-11-18/ }).isVisible()).toBe(true);
    expect(await page.locator('#c3 .archive-check').innerText()).toMatch(/Archived copy\s*supported/);
  });

  it('shows all eight claims before any filter is used', async () => {
    expect(await visibleClaims()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
  });

  it('filters by verdict with CSS only: "broken" leaves the claims with a broken citation', async () => {
    await page.click('label[for="fv-broken"]');
    expect(await visibleClaims()).toEqual(['c3', 'c6', 'c7']);
    // Inside c6 only the broken citation [8] stays; the paywalled [7] is hidden.
    const c6 = page.locator('#c6 .citation');
    expect(await c6.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))).toEqual(['unverifiable', 'broken']);
    expect([await c6.nth(0).isVisible(), await c6.nth(1).isVisible()]).toEqual([false, true]);
  });

  it('combines the verdict and link-status filters (one citation must match both)', async () => {
    await page.click('label[for="fl-soft-404"]');
    expect(await visibleClaims()).toEqual(['c6']);
    await page.click('label[for="fv-all"]');
    expect(await visibleClaims()).toEqual(['c6']);
    await page.click('label[for="fl-ok"]');
    expect(await visibleClaims()).toEqual(['c1', 'c4', 'c8']);
    await page.click('label[for="fl-all"]');
    expect(await visibleClaims()).toHaveLength(8);
  });

  it('hides emptied section headings and says so when nothing matches', async () => {
    const visibleSections = () => page.locator('.article-section h3:visible').allTextContents();
    await page.click('label[for="fv-missing"]');
    expect(await visibleSections()).toEqual(['Investigations']);
    expect(await page.locator('.no-match').isVisible()).toBe(false);
    await page.click('label[for="fl-ok"]');
    expect(await visibleClaims()).toEqual([]);
    expect(await page.locator('.no-match').isVisible()).toBe(true);
    await page.click('label[for="fv-all"]');
    await page.click('label[for="fl-all"]');
    expect(await visibleSections()).toEqual(['Lead', 'Investigations', 'Theories | "cosmic" bodies']);
  });

  it('shows hostile page text as text: no dialog, no injected element', async () => {
    expect(dialogs).toEqual([]);
    expect(await page.locator('img, script, [onerror]').count()).toBe(0);
    await expect.poll(() => page.getByText('<script>alert(1)</script>').first().isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page.locator('#c4 blockquote').innerText()).toContain('"><img src=x onerror=alert(1)>');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  it('raises no CSP violation or console error and fetches nothing', async () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('gives every badge a written word and text contrast of at least 4.5:1 (WCAG AA)', async () => {
    // A string, not a function: the browser's getComputedStyle has no type here (no lib.dom), so zod checks the shape.
    const raw: unknown = await page.evaluate(`[...document.querySelectorAll('.badge')].map((e) => {
      const style = getComputedStyle(e);
      return { text: e.textContent ?? '', color: style.color, background: style.backgroundColor };
    })`);
    const badges = z.array(z.object({ text: z.string(), color: z.string(), background: z.string() })).parse(raw);
    expect(badges.length).toBeGreaterThan(20);
    for (const b of badges) {
      expect(b.text.trim()).toMatch(/^[a-z0-9-]+$/);
      expect(contrast(b.color, b.background), `${b.text}: ${b.color} on ${b.background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('hides the filters when printed', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.filters').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('nav.filters').isVisible()).toBe(true);
  });

  it('saves a screenshot for review', async () => {
    const shot = join(OUT, 'report.png');
    await page.click('label[for="fv-all"]');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
  });
});
