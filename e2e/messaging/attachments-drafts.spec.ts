import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

const SUBJECT = 'Tegning fra weekenden';
const BODY = 'Hej Birgitte\nEmma har tegnet klassens hamster. Må hun vise den frem?';

async function openComposer(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Skriv til kontaktlæreren' }).first().click();
  await settled(page);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Skriv til kontaktlæreren');
  await page.getByText(/^Til: .*, kontaktlærer$/).waitFor();
}

describe('drafts and attachments', () => {
  it('keeps a guardian’s draft across a visit elsewhere, sends a PNG with it, and the teacher downloads the file', async () => {
    const png = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#4a8' } })
      .png()
      .toBuffer();
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await openComposer(guardian);
    await guardian.getByLabel('Emne').fill(SUBJECT);
    await guardian.getByLabel('Besked', { exact: true }).fill(BODY);
    await guardian.getByText('Kladde gemt').waitFor();
    await expectNoAxeViolations(guardian, 'compose (draft saved)');

    // Away and back: the draft is there.
    await visit(guardian, '/');
    await openComposer(guardian);
    await expect.poll(() => guardian.getByLabel('Emne').inputValue()).toBe(SUBJECT);
    expect(await guardian.getByLabel('Besked', { exact: true }).inputValue()).toBe(BODY);
    await guardian.getByText('Kladde gemt').waitFor();
    await guardian.getByRole('button', { name: 'Kassér kladde' }).waitFor();
    // Tabbing through the form reaches "Send besked" before the button that throws it all away.
    await guardian.getByRole('button', { name: 'Send besked' }).focus();
    await guardian.keyboard.press('Tab');
    await expect.poll(() => guardian.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Kassér kladde');

    await guardian
      .getByLabel('Vedhæft filer')
      .setInputFiles({ name: 'hamster.png', mimeType: 'image/png', buffer: png });
    await guardian.locator('.attachment-picker li').filter({ hasText: 'hamster.png' }).getByText('Vedhæftet').waitFor();
    await guardian.getByRole('button', { name: 'Fjern hamster.png' }).waitFor();
    await expectNoAxeViolations(guardian, 'compose (file attached)');

    await guardian.getByRole('button', { name: 'Send besked' }).click();
    await guardian.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
    await settled(guardian);
    await guardian.getByRole('link', { name: 'hamster.png' }).waitFor();
    await expectNoAxeViolations(guardian, 'thread (with attachment)');

    // The draft went with the send.
    await visit(guardian, '/');
    await openComposer(guardian);
    await guardian.getByText(/^Til: .*, kontaktlærer$/).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await guardian.getByLabel('Emne').inputValue()).toBe('');
    expect(await guardian.getByRole('button', { name: 'Kassér kladde' }).count()).toBe(0);

    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await visit(teacher, '/messages');
    await teacher.locator('li.thread-row').filter({ hasText: SUBJECT }).getByRole('link').first().click();
    await settled(teacher);
    const link = teacher.getByRole('link', { name: 'hamster.png' });
    await link.waitFor();
    await expectNoAxeViolations(teacher, 'thread (teacher, attachment)');
    const [download] = await Promise.all([teacher.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('hamster.png');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const file = Buffer.concat(chunks);
    expect(file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(await sharp(file).metadata()).toMatchObject({ format: 'png', width: 12, height: 8 });
  });

  it('refuses a program dressed as a PDF, per file, takes an iPhone photo as JPEG, and lets the writer discard the draft', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await openComposer(guardian);
    await guardian.getByLabel('Besked', { exact: true }).fill('Se vedhæftede');
    await guardian.getByText('Kladde gemt').waitFor();
    await guardian.getByLabel('Vedhæft filer').setInputFiles({
      name: 'skema.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'),
    });
    await guardian.getByText(/Den type fil kan ikke vedhæftes/).waitFor();
    await expectNoAxeViolations(guardian, 'compose (file refused)');
    // An iPhone's HEIC photo is decoded on the server (libheif in a worker thread) and kept as JPEG.
    await guardian.getByLabel('Vedhæft filer').setInputFiles({
      name: 'IMG_0001.HEIC',
      mimeType: 'image/heic',
      buffer: readFileSync(new URL('../../src/server/attachments/fixtures/iphone-rotated-gps.heic', import.meta.url)),
    });
    await guardian
      .locator('.attachment-picker li')
      .filter({ hasText: 'IMG_0001.HEIC' })
      .getByText('Vedhæftet')
      .waitFor();
    await guardian.getByText('IMG_0001.jpg er vedhæftet.').waitFor();
    await guardian.getByRole('button', { name: 'Kassér kladde' }).click();
    await expect.poll(() => guardian.getByLabel('Besked', { exact: true }).inputValue()).toBe('');
    await visit(guardian, '/');
    await openComposer(guardian);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await guardian.getByLabel('Besked', { exact: true }).inputValue()).toBe('');
  });

  it("shows the demo class message's programme as a PDF to download", async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await visit(guardian, '/messages');
    await guardian
      .locator('li.thread-row')
      .filter({ hasText: 'Tur til Økolariet fredag' })
      .getByRole('link')
      .first()
      .click();
    await settled(guardian);
    const link = guardian.getByRole('link', { name: 'Program for turen til Økolariet.pdf' });
    await link.waitFor();
    const response = await guardian.request.get((await link.getAttribute('href'))!);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The address in the message is a link that gives the other site neither opener nor referrer.
    const web = guardian.locator('.message__body').getByRole('link', { name: 'https://www.okolariet.dk' });
    expect(await web.getAttribute('href')).toBe('https://www.okolariet.dk');
    expect(await web.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
