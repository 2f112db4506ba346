import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { findParent, signInWithLink } from '../support/demo-people.js';
import { chooseEnglish, DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import type { Suite } from '../support/suite.js';

/** Registers this file's journeys on the spec's shared server and browser. */
export function studentJourneys(suite: Suite): void {
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
