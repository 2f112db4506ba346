import { expectNoAxeViolations } from '../support/axe.js';
import { findParent, signInWithLink } from '../support/demo-people.js';
import { DEMO, chooseEnglish, mySchool, settled, signIn, signInWithForm, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';

// The school on a phone, the calendar feed, the student's own pages and the security headers.
// Each spec file starts its own server and browser; these journeys share one.
const suite = useSuite();

/** One area's journeys, on the spec's shared server and browser. */
function phoneLayoutJourneys(): void {
  describe('on a phone and on a desktop screen', () => {
    it('a phone shows the header as one bar, with the pages behind a menu button that Escape closes', async () => {
      const page = await suite.page();
      await signIn(page, DEMO.leader);
      await settled(page);

      const header = page.locator('header.site-header');
      expect((await header.boundingBox())!.height).toBeLessThan(80);
      const menu = page.getByRole('button', { name: 'Menu' });
      const messages = page.getByRole('link', { name: 'Beskeder', exact: true });
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
      expect(await messages.isVisible()).toBe(false);
      // The bell and the language stay in the bar.
      await page.getByRole('link', { name: /^Notifikationer/ }).waitFor();
      await page.getByRole('button', { name: 'English' }).waitFor();

      await menu.click();
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
      await messages.waitFor();
      await expectNoAxeViolations(page, 'menu open (phone)');

      await messages.focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => menu.evaluate((button) => button === document.activeElement)).toBe(true);

      await menu.click();
      await page.getByRole('link', { name: 'Profil', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/profile');
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    });

    it('a phone reads a table as stacked rows: the key column in view, every cell named by its column', async () => {
      const page = await suite.page();
      await signIn(page, DEMO.leader);
      await settled(page);
      const table = page.getByRole('region', { name: 'Skolen i tal' }).getByRole('table', { name: 'Klasser' });
      const key = table.getByRole('link', { name: '3.A' });
      await key.waitFor();

      const box = await table.evaluate((element) => {
        const wrap = element.closest('.table-wrap')!;
        return { scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth };
      });
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
      const keyBox = (await key.boundingBox())!;
      expect(keyBox.x + keyBox.width).toBeLessThanOrEqual(390);
      const labels = await table.evaluate((element) => {
        const headers = [...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
        const cells = [...element.querySelectorAll('tbody tr:first-child td')].map((td) =>
          td.getAttribute('data-label'),
        );
        return { headers, cells };
      });
      expect(labels.cells.length).toBeGreaterThan(0);
      for (const label of labels.cells) expect(labels.headers).toContain(label);
    });

    it('a desktop screen shows the pages in the bar, no menu button, and staff tables at its width', async () => {
      const page = await suite.page({ viewport: { width: 1600, height: 1000 } });
      await signIn(page, DEMO.leader);
      const school = await mySchool(page);
      await visit(page, `/schools/${school.id}/audit-log`);
      await settled(page);

      expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
      await page.getByRole('link', { name: 'Beskeder', exact: true }).waitFor();
      const main = (await page.locator('main').boundingBox())!;
      expect(main.width).toBeGreaterThan(72 * 16);
      await expectNoAxeViolations(page, 'audit log (desktop)');
    });
  });
}

/** One area's journeys, on the spec's shared server and browser. */
function calendarFeedJourneys(): void {
  describe('the private calendar feed on the profile (issue 10, point 6)', () => {
    it('shows the address to subscribe to, which answers a calendar app without a cookie, and renews and stops it', async () => {
      const page = await suite.page();
      await signIn(page, DEMO.contactTeacher);
      await visit(page, '/profile');
      const section = page.getByRole('region', { name: 'Kalender' });
      const address = section.getByLabel('Din kalenderadresse');
      await expect.poll(() => address.inputValue()).toMatch(/\/api\/calendar\/[\w-]{43}\.ics$/);
      const url = await address.inputValue();
      await expectNoAxeViolations(page, 'profile with the calendar feed');

      // A calendar app has no session: a fresh context fetches the address.
      const app = await suite.page();
      const fetched = await app.request.get(new URL(url).pathname);
      expect(fetched.status()).toBe(200);
      expect(fetched.headers()['content-type']).toMatch(/^text\/calendar/);
      expect(await fetched.text()).toContain('BEGIN:VCALENDAR');

      await section.getByRole('button', { name: 'Lav en ny adresse' }).click();
      await section.getByText('Du har fået en ny adresse. Den gamle virker ikke mere.').waitFor();
      await expect.poll(() => address.inputValue()).not.toBe(url);
      expect((await app.request.get(new URL(url).pathname)).status()).toBe(404);

      const renewed = await address.inputValue();
      await section.getByRole('button', { name: 'Stop kalenderen' }).click();
      await section.getByText('Kalenderen er stoppet. Adressen virker ikke mere.').waitFor();
      expect((await app.request.get(new URL(renewed).pathname)).status()).toBe(404);
      await expectNoAxeViolations(page, 'profile with the calendar stopped');
      await section.getByRole('button', { name: 'Lav en ny kalenderadresse' }).click();
      await settled(page);
      await expect.poll(() => section.getByLabel('Din kalenderadresse').inputValue()).toMatch(/\.ics$/);
    });

    it('reads in English at desktop width', async () => {
      const page = await suite.page({ viewport: { width: 1280, height: 900 } });
      await signIn(page, DEMO.guardian);
      await chooseEnglish(page);
      await visit(page, '/profile');
      await page.getByRole('region', { name: 'Calendar' }).getByLabel('Your calendar address').waitFor();
      await expectNoAxeViolations(page, 'profile calendar (English, desktop)');
    });
  });
}

/** One area's journeys, on the spec's shared server and browser. */
function studentJourneys(): void {
  const DESKTOP = { width: 1280, height: 900 };

  describe('a student at Samspil (issue 9, point 12)', () => {
    it('finds their contact teacher and their own messages, and writes to the teacher under the promise', async () => {
      const page = await suite.page({ viewport: DESKTOP });
      await signIn(page, DEMO.student);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Hej Oscar');
      const teacher = page.getByRole('region', { name: 'Din kontaktlærer' });
      await teacher.getByText('Du går i 7.A.').waitFor();
      await teacher.getByText(/^Din kontaktlærer er /).waitFor();
      const messages = page.getByRole('region', { name: 'Dine beskeder' });
      await messages.getByRole('link', { name: 'Afleveringen i dansk' }).waitFor();
      await messages.getByText('Dine forældre kan se, at du skriver med skolen, men ikke hvad I skriver.').waitFor();
      // Nothing on the page leads to what a student may not open (the class's roster).
      expect(await page.locator('a[href*="/classes/"]').count()).toBe(0);

      await messages.getByRole('link', { name: 'Skriv til din kontaktlærer' }).click();
      await settled(page);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Skriv til din kontaktlærer');
      await page.getByText(/^Til: .+, kontaktlærer$/).waitFor();
      await expectNoAxeViolations(page, 'student composer');
      await page.getByLabel('Emne').fill('Hjælp til matematik');
      await page.getByLabel('Besked').fill('Jeg forstår ikke brøker. Kan vi tage det i morgen?');
      await page.getByRole('button', { name: 'Send besked' }).click();
      await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
      await settled(page);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Hjælp til matematik');
      await page.getByText(/^Skolen svarer senest /).waitFor();
      await expectNoAxeViolations(page, 'student thread');
    });

    it('reads the same at phone width in English', async () => {
      const page = await suite.page();
      await signIn(page, DEMO.student);
      await chooseEnglish(page);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Hello Oscar');
      await page.getByRole('region', { name: 'Your contact teacher' }).getByText('You are in 7.A.').waitFor();
      await page
        .getByRole('region', { name: 'Your messages' })
        .getByRole('link', { name: 'Write to your contact teacher' })
        .waitFor();
      await expectNoAxeViolations(page, '/ (student, English, phone)');
    });

    it('shows the parents that their child writes to the school, and not what', async () => {
      const page = await suite.page({ viewport: DESKTOP });
      await signIn(page, DEMO.guardian);
      const own = page.getByTestId('child-own-messages');
      await own.getByRole('heading', { name: 'Oscar skriver selv med skolen' }).waitFor();
      await own.getByText(/^Oscar har \d+ samtaler? med skolen\. Senest /).waitFor();
      await own.getByText('Skolens princip siger, at I kan se, at og hvornår Oscar skriver, men ikke hvad.').waitFor();
      expect(await own.getByRole('link').count()).toBe(0);
      await expectNoAxeViolations(page, '/ (guardian with a writing child)');
      // The conversation itself is not hers to open: it answers as if it did not exist.
      const studentPage = await suite.page();
      await signIn(studentPage, DEMO.student);
      const inbox = (await (await studentPage.request.get('/api/threads')).json()) as {
        threads: Array<{ id: string; subject: string }>;
      };
      const thread = inbox.threads.find((th) => th.subject === 'Afleveringen i dansk');
      expect(thread).toBeDefined();
      await visit(page, `/messages/${thread!.id}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Siden findes ikke');
    });

    it('tells a reader who may know a thing exists that they have no access, with the reason, rather than that it is not there', async () => {
      const leader = await suite.page();
      await signIn(leader, DEMO.leader);
      const school = await mySchool(leader);
      const parent = await findParent(leader, 'information_right');
      const page = await suite.page();
      await signInWithLink(page, parent.email);
      await visit(page, `/schools/${school.id}/students/${parent.child.id}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Du har ikke adgang til siden');
      await page
        .getByText(/§ 23|orienteringsret|oplysninger/)
        .first()
        .waitFor();
      await expectNoAxeViolations(page, 'forbidden page');
    });
  });
}

/** One area's journeys, on the spec's shared server and browser. */
function headersJourneys(): void {
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

phoneLayoutJourneys();
calendarFeedJourneys();
studentJourneys();
headersJourneys();
