import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe.js';
import { launchBrowser, newPage } from './browser.js';

// The check every browser test relies on must itself fail on a page that breaks WCAG.
describe('the axe-core check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('passes a page that keeps the rules and names every rule a page breaks', async () => {
    const { context, page } = await newPage(browser, 'http://127.0.0.1');
    await page.setContent(
      '<!doctype html><html lang="da"><head><title>Prøve</title></head><body><main><h1>Prøve</h1></main></body></html>',
    );
    await expectNoAxeViolations(page, 'a good page');

    await page.setContent(
      '<!doctype html><html><head><title>Prøve</title></head><body><main><img src="x.png"><button></button></main></body></html>',
    );
    const failure = expectNoAxeViolations(page, 'a bad page');
    await expect(failure).rejects.toThrow(/Accessibility violations on a bad page/);
    await expect(failure).rejects.toThrow(/image-alt/);
    await expect(failure).rejects.toThrow(/button-name/);
    await expect(failure).rejects.toThrow(/html-has-lang/);
    await context.close();
  });
});
