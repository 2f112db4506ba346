import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn, visit } from '../support/session.js';
import type { Suite } from '../support/suite.js';

/** Registers this file's journeys on the spec's shared server and browser. */
export function parentsMessageJourneys(suite: Suite): void {
  const SUBJECT = 'Trivselsdag for 3. årgang';
  const ANSWER = 'Tak. Emma glæder sig, men hun kan ikke tåle nødder.';
  const THREAD_PATH = /^\/messages\/[0-9a-f-]{36}$/;

  describe('the leadership writes to parents: the whole school, a grade or a class', () => {
    it('the leader writes to grade 3, and a parent in 3.A sees it as "Forældre i 3. årgang" and answers privately', async () => {
      const leader = await suite.page();
      await signIn(leader, DEMO.leader);
      await leader.getByRole('link', { name: 'Skriv til forældre', exact: true }).click();
      await settled(leader);
      await expect.poll(() => leader.locator('h1').textContent()).toBe('Skriv til forældre');
      // The whole school is the first choice; the hint says who sees the answers.
      const audience = leader.getByLabel('Til', { exact: true });
      expect(await audience.inputValue()).toBe('school');
      expect(await audience.locator('option:checked').textContent()).toBe('Alle forældre på Demo Skole');
      await leader
        .getByText('Hver forælder kan svare. Svaret ses kun af dig og skolens ledelse, ikke af de andre forældre.')
        .waitFor();
      await expectNoAxeViolations(leader, 'write to parents (whole school)');

      await audience.selectOption({ label: 'Forældre i 3. årgang' });
      await leader.getByText(/Svaret ses kun af dig og kontaktlærerne i årgangens klasser/).waitFor();
      // The shared validation: nothing is sent without a subject.
      await leader.getByRole('button', { name: 'Send besked' }).click();
      await leader.getByText('Skriv et emne.').waitFor();
      await leader.getByLabel('Emne').fill(SUBJECT);
      await leader
        .getByLabel('Besked', { exact: true })
        .fill(
          'Kære forældre i 3. årgang\nTorsdag holder vi trivselsdag for hele årgangen. Husk madpakke og drikkedunk.',
        );
      await expectNoAxeViolations(leader, 'write to parents (grade 3)');
      await leader.getByRole('button', { name: 'Send besked' }).click();
      await leader.waitForURL((url) => THREAD_PATH.test(url.pathname));
      await settled(leader);
      const groupPath = new URL(leader.url()).pathname;
      await leader.getByText('Forældre i 3. årgang', { exact: true }).waitFor();
      await leader.getByText(/^0 af \d+ forældre har læst den nyeste besked\.$/).waitFor();
      await expectNoAxeViolations(leader, 'grade thread (leader)');

      const guardian = await suite.page();
      await signIn(guardian, DEMO.guardian);
      await visit(guardian, '/messages');
      const row = guardian.locator('li.thread-row').filter({ hasText: SUBJECT });
      await row.getByText('Forældre i 3. årgang', { exact: true }).waitFor();
      await row.getByRole('link').click();
      await settled(guardian);
      await guardian.getByText(/Torsdag holder vi trivselsdag/).waitFor();
      await guardian
        .getByText('Dit svar går kun til skolens personale i tråden, ikke til de andre forældre.')
        .waitFor();
      // No other family is named to the guardian, and who has read it is for the staff.
      expect(await guardian.getByRole('heading', { name: 'Hvem har læst' }).count()).toBe(0);
      await expectNoAxeViolations(guardian, 'grade thread (guardian)');
      await guardian.getByLabel('Dit svar').fill(ANSWER);
      await guardian.getByRole('button', { name: 'Send svar' }).click();
      await guardian.waitForURL((url) => url.pathname !== groupPath && THREAD_PATH.test(url.pathname));
      await settled(guardian);
      const replyPath = new URL(guardian.url()).pathname;
      await guardian.getByText(ANSWER).waitFor();
      // Emma is the guardian's one child in grade 3 (Oscar is in 7.A): the answer is about her.
      await guardian.getByText('Emma Lindholm', { exact: true }).waitFor();
      await guardian
        .locator('.promise')
        .getByText(/^Skolen svarer senest/)
        .waitFor();
      await guardian.getByRole('link', { name: 'Se fællesbeskeden' }).waitFor();
      await expectNoAxeViolations(guardian, 'private answer to the grade message');

      await visit(leader, groupPath);
      await leader.getByText(/^1 af \d+ forældre har læst den nyeste besked\.$/).waitFor();
      // The answer is not in the group message, only in the guardian's own thread with the staff.
      expect(await leader.getByText(ANSWER).count()).toBe(0);
      await visit(leader, replyPath);
      await leader.getByText(ANSWER).waitFor();
    });
  });
}
