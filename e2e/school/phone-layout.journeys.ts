import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import type { Suite } from '../support/suite.js';

/** Registers this file's journeys on the spec's shared server and browser. */
export function phoneLayoutJourneys(suite: Suite): void {
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
