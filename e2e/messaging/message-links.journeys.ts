import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn } from '../support/session.js';
import type { Suite } from '../support/suite.js';

/** Registers this file's journeys on the spec's shared server and browser. */
export function messageLinksJourneys(suite: Suite): void {
  const BODY = [
    'Kære forældre',
    'Programmet er på https://skole.dk/tur?id=22345678, og spørgsmål kan sendes til kontor@skole.dk.',
    'Ring til bussen på 22 34 56 78 eller +45 31 41 59 26, eller skriv tel:+4540506070.',
    'Turen koster 1.250 kr, vi tager af sted 24.12.2026, og Emmas CPR 010203-1234 skal ikke med.',
  ].join('\n');

  describe('links in a message', () => {
    it('a class message’s web, e-mail and phone links can be followed, and dates, amounts and CPR numbers stay text', async () => {
      const teacher = await suite.page();
      await signIn(teacher, DEMO.contactTeacher);
      await teacher.getByRole('link', { name: 'Klasse 3.A' }).first().click();
      await settled(teacher);
      await teacher.getByRole('link', { name: 'Skriv til forældrene i 3.A' }).click();
      await settled(teacher);
      await teacher.getByLabel('Emne').fill('Telefonnumre til turen');
      await teacher.getByLabel('Besked', { exact: true }).fill(BODY);
      await teacher.getByRole('button', { name: 'Send besked' }).click();
      await teacher.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
      await settled(teacher);

      const body = teacher.locator('.message__body').filter({ hasText: 'Ring til bussen' });
      await body.waitFor();
      const links = await body
        .getByRole('link')
        .evaluateAll((anchors) =>
          anchors.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]),
        );
      expect(links).toEqual([
        ['https://skole.dk/tur?id=22345678', 'https://skole.dk/tur?id=22345678', 'noopener noreferrer', null],
        ['kontor@skole.dk', 'mailto:kontor@skole.dk', 'noopener noreferrer', null],
        ['22 34 56 78', 'tel:22345678', 'noopener noreferrer', null],
        ['+45 31 41 59 26', 'tel:+4531415926', 'noopener noreferrer', null],
        ['tel:+4540506070', 'tel:+4540506070', 'noopener noreferrer', null],
      ]);
      await expectNoAxeViolations(teacher, 'thread with web, e-mail and phone links');
    });
  });
}
