import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { chooseEnglish, DEMO, settled, signIn, visit } from '../support/session.js';
import type { Suite } from '../support/suite.js';

/** Registers this file's journeys on the spec's shared server and browser. */
export function calendarFeedJourneys(suite: Suite): void {
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
