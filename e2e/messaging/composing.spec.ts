import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, chooseEnglish, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';
import type { FileChooser, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

// Writing and reading messages: links, the composer's forms, attachments, and the leadership's message to parents.
// Each spec file starts its own server and browser; these journeys share one.
const suite = useSuite();

/** One area's journeys, on the spec's shared server and browser. */
function messageLinksJourneys(): void {
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

/** One area's journeys, on the spec's shared server and browser. */
function composerFormsJourneys(): void {
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

/** One area's journeys, on the spec's shared server and browser. */
function attachmentPickerJourneys(): void {
  async function openClassComposer(page: Page, linkName: string): Promise<void> {
    await page
      .getByRole('link', { name: /^(Klasse|Class) 3\.A$/ })
      .first()
      .click();
    await settled(page);
    await page.getByRole('link', { name: linkName }).click();
    await settled(page);
  }

  describe('the attachment picker', () => {
    it('is a button with a paperclip that the keyboard reaches with a visible focus ring, and takes dropped files (Danish, desktop)', async () => {
      const teacher = await suite.page({ viewport: { width: 1280, height: 900 } });
      await signIn(teacher, DEMO.contactTeacher);
      await openClassComposer(teacher, 'Skriv til forældrene i 3.A');

      const input = teacher.getByLabel('Vedhæft filer');
      const button = teacher.locator('label.attachment-picker__button');
      expect((await button.textContent())?.trim()).toBe('Vedhæft filer');
      expect(await button.locator('svg[aria-hidden="true"]').count()).toBe(1);
      // The real input is there for the keyboard and screen readers, not for the eye.
      const box = await input.boundingBox();
      expect(box && box.width <= 1 && box.height <= 1).toBe(true);
      expect(await input.getAttribute('aria-describedby')).toBe('class-attachments-hint');
      expect(await teacher.locator('#class-attachments-hint').textContent()).toMatch(
        /^Højst 5 filer på 10 MB hver: PDF/,
      );

      // Listening early turns on the browser's file-chooser interception before the key is pressed;
      // subscribing only at the key press races it on a busy machine.
      const chooserOpened = new Promise<FileChooser>((resolve) => teacher.once('filechooser', resolve));
      await teacher.getByLabel('Besked', { exact: true }).focus();
      await teacher.keyboard.press('Tab');
      expect(await teacher.evaluate(() => document.activeElement?.id)).toBe('class-attachments');
      expect(await button.evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('solid');
      await expectNoAxeViolations(teacher, 'attachment picker focused');
      // Space opens the file chooser, as on any file input.
      await teacher.keyboard.press('Space');
      const chooser = await chooserOpened;
      expect(chooser.isMultiple()).toBe(true);

      const png = await sharp({ create: { width: 10, height: 6, channels: 3, background: '#48a' } })
        .png()
        .toBuffer();
      const dataTransfer = await teacher.evaluateHandle((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'tegning.png', { type: 'image/png' }));
        return transfer;
      }, png.toString('base64'));
      const zone = teacher.locator('.attachment-picker__zone');
      await zone.dispatchEvent('dragenter', { dataTransfer });
      await zone.dispatchEvent('dragover', { dataTransfer });
      await teacher.locator('.attachment-picker__zone--dragging').waitFor();
      await zone.dispatchEvent('drop', { dataTransfer });
      await teacher
        .locator('.attachment-picker li')
        .filter({ hasText: 'tegning.png' })
        .getByText('Vedhæftet')
        .waitFor();
      expect(await teacher.locator('.attachment-picker__zone--dragging').count()).toBe(0);
      await expectNoAxeViolations(teacher, 'attachment picker with a dropped file');
    });

    it('says "Attach files" in English on a phone and attaches a picked file', async () => {
      const teacher = await suite.page();
      await signIn(teacher, DEMO.contactTeacher);
      await chooseEnglish(teacher);
      await openClassComposer(teacher, 'Write to the parents in 3.A');
      expect((await teacher.locator('label.attachment-picker__button').textContent())?.trim()).toBe('Attach files');
      const png = await sharp({ create: { width: 10, height: 6, channels: 3, background: '#a84' } })
        .png()
        .toBuffer();
      await teacher
        .getByLabel('Attach files')
        .setInputFiles({ name: 'drawing.png', mimeType: 'image/png', buffer: png });
      await teacher.locator('.attachment-picker li').filter({ hasText: 'drawing.png' }).getByText('Attached').waitFor();
      await expectNoAxeViolations(teacher, 'attachment picker (English, phone)');
    });
  });
}

/** One area's journeys, on the spec's shared server and browser. */
function parentsMessageJourneys(): void {
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

messageLinksJourneys();
composerFormsJourneys();
attachmentPickerJourneys();
parentsMessageJourneys();
