import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn, visit } from '../support/session.js';
import type { Suite } from '../support/suite.js';

/** Registers this file's journeys on the spec's shared server and browser. */
export function composerFormsJourneys(suite: Suite): void {
  const SUBJECT = 'Spørgsmål om skoleskemaet';

  /**
   * The guardian's composer and the thread's reply and acknowledgement are checked by the shared
   * schemas the server checks them with: nothing empty is sent, the field in error says so in the
   * reader's language and gets the focus, and a blank note is no note.
   */
  describe('the guardian’s composer and the thread’s forms on the shared schemas', () => {
    it('refuses empty text at its fields, sends, and the teacher acknowledges without a note and replies', async () => {
      const guardian = await suite.page();
      await signIn(guardian, DEMO.guardian);
      await guardian.getByRole('link', { name: 'Skriv til kontaktlæreren' }).first().click();
      await settled(guardian);
      await guardian.getByText(/^Til: .*, kontaktlærer$/).waitFor();

      await guardian.getByRole('button', { name: 'Send besked' }).click();
      await guardian.locator('#compose-subject-error').getByText('Skriv et emne.').waitFor();
      expect(await guardian.evaluate(() => document.activeElement?.id)).toBe('compose-subject');
      const subject = guardian.getByLabel('Emne');
      expect(await subject.getAttribute('aria-invalid')).toBe('true');
      expect(await guardian.locator('#compose-body-error').textContent()).toBe('Skriv en besked.');
      await expectNoAxeViolations(guardian, 'guardian’s message refused');
      await subject.fill(SUBJECT);
      expect(await subject.getAttribute('aria-invalid')).toBeNull();
      await guardian.getByLabel('Besked', { exact: true }).fill('Hej\nHvornår starter skolen på mandag?');
      await guardian.getByRole('button', { name: 'Send besked' }).click();
      await guardian.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
      await settled(guardian);
      await guardian.getByText('Din besked er sendt.').waitFor();
      const threadPath = new URL(guardian.url()).pathname;

      const teacher = await suite.page();
      await signIn(teacher, DEMO.contactTeacher);
      await visit(teacher, threadPath);
      // Only spaces in the note: the acknowledgement goes without one, in the school's own words.
      await teacher.getByLabel('Kort besked (valgfri)').fill('   ');
      await teacher.getByRole('button', { name: 'Bekræft modtagelse' }).click();
      await expect.poll(() => teacher.getByRole('button', { name: 'Bekræft modtagelse' }).count()).toBe(0);
      await teacher.locator('.message').filter({ hasText: 'Modtaget' }).first().waitFor();

      await teacher.getByRole('button', { name: 'Send svar' }).click();
      await teacher.locator('#reply-body-error').getByText('Skriv en besked.').waitFor();
      expect(await teacher.evaluate(() => document.activeElement?.id)).toBe('reply-body');
      await expectNoAxeViolations(teacher, 'reply refused');
      const reply = teacher.getByLabel('Dit svar');
      await reply.fill('Klokken 8.00. Hilsen Mette');
      expect(await reply.getAttribute('aria-invalid')).toBeNull();
      await teacher.getByRole('button', { name: 'Send svar' }).click();
      // The acknowledgement said "sent" already: the reply is there once it stands in the thread.
      await teacher.locator('.message').filter({ hasText: 'Klokken 8.00. Hilsen Mette' }).waitFor();
      expect(await reply.inputValue()).toBe('');
      await teacher.getByText('Dit svar er sendt.').waitFor();
    });
  });
}
