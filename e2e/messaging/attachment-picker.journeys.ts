import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { chooseEnglish, DEMO, settled, signIn } from '../support/session.js';
import type { Suite } from '../support/suite.js';

/** Registers this file's journeys on the spec's shared server and browser. */
export function attachmentPickerJourneys(suite: Suite): void {
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

      await teacher.getByLabel('Besked', { exact: true }).focus();
      await teacher.keyboard.press('Tab');
      expect(await teacher.evaluate(() => document.activeElement?.id)).toBe('class-attachments');
      expect(await button.evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('solid');
      await expectNoAxeViolations(teacher, 'attachment picker focused');
      // Space opens the file chooser, as on any file input.
      const [chooser] = await Promise.all([teacher.waitForEvent('filechooser'), teacher.keyboard.press('Space')]);
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
