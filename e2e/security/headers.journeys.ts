import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signInWithForm } from '../support/session.js';
import type { Suite } from '../support/suite.js';

/** Registers this file's journeys on the spec's shared server and browser. */
export function headersJourneys(suite: Suite): void {
  /**
   * A page that records every Content-Security-Policy violation of every document it shows (the
   * `securitypolicyviolation` event, listened to before any of the app's scripts run) and every
   * console error other than an HTTP status.
   */
  async function watchedPage(): Promise<{ page: Page; violations: string[]; consoleErrors: string[] }> {
    const page = await suite.page();
    const violations: string[] = [];
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // A 401 or 404 the app expects (/api/me before signing in) is not an error of the page.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        consoleErrors.push(message.text());
      }
    });
    await page.exposeFunction('reportViolation', (violation: string) => violations.push(violation));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportViolation(violation: string): void }).reportViolation;
        report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`);
      });
    });
    return { page, violations, consoleErrors };
  }

  function expectSecurityHeaders(response: Response | null) {
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
  }

  async function open(page: Page, url: string): Promise<void> {
    const response = await page.goto(url);
    expectSecurityHeaders(response);
    await settled(page);
    await expectNoAxeViolations(page, url);
  }

  describe('security headers on the app pages', () => {
    it('serves /, /login and /p/<slug> under a strict policy that the app keeps without a single violation', async () => {
      const { page, violations, consoleErrors } = await watchedPage();
      await open(page, '/login');
      await open(page, '/login/link?token=not-a-real-token');

      // The policy is enforced: a script put into the page inline does not run, and is reported.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.head.append(script);
      });
      expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
      await expect.poll(() => violations).toEqual(['script-src-elem blocked inline on /login/link']);
      violations.splice(0);
      consoleErrors.splice(0);

      await signInWithForm(page, DEMO.guardian);
      await open(page, '/');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Hej Mette');
      const school = await mySchool(page);
      await open(page, `/p/${school.slug}`);

      expect(violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });

    it('publishes no source maps', async () => {
      const page = await suite.page();
      const assets = path.resolve('dist/client/assets');
      const script = readdirSync(assets).find((name) => name.endsWith('.js'))!;
      const map = readdirSync(assets).find((name) => name.endsWith('.js.map'));
      const js = await page.request.get(`/assets/${script}`);
      expect(js.status()).toBe(200);
      expect(await js.text()).not.toContain('sourceMappingURL');
      if (map) {
        const response = await page.request.get(`/assets/${map}`);
        expect(response.headers()['content-type']).toContain('text/html');
        expect(await response.text()).not.toContain('"mappings"');
      }
    });
  });
}
