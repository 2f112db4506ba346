import { DateTime } from 'luxon';
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDate, SCHOOL_TIME_ZONE } from '../../src/domain/calendar/working-days.js';
import { digestInstant } from '../../src/server/notifications/notification-timing.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { chooseEnglish, DEMO, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite({ env: { SAMSPIL_TEST_CLOCK: '1' } });
const DESKTOP = { viewport: { width: 1280, height: 900 } };
/** An 8×8 PNG: the class on its trip, as small as a picture gets. */
const PICTURE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPQqjqCFTEMLQkABFVaARVKciQAAAAASUVORK5CYII=',
  'base64',
);
const TITLE = 'Ugebrev: tur til skoven';
/** The Copenhagen date the letter is scheduled for: the day after the test clock's start. */
let publishDate = '';

/** Moves the server's test clock to a few minutes past an instant. */
async function clockTo(request: APIRequestContext, instant: Date): Promise<void> {
  const { now } = (await (await request.get('/api/dev/clock')).json()) as { now: string };
  const hours = (instant.getTime() + 5 * 60_000 - Date.parse(now)) / 3_600_000;
  const moved = await request.post('/api/dev/clock', { data: { advanceHours: hours } });
  expect(moved.status()).toBe(200);
}

/**
 * Issue 12, point 1: 3.A's contact teacher sees on her home when the next weekly letter is due,
 * writes one with a picture and schedules it for the next morning; the job publishes it when the
 * time comes; the demo guardian reads it in English on a phone, picture and all; a student (Oscar,
 * 7.A) reads his own class's newest letter from his home, which then no longer marks it new. Axe
 * on each page.
 */
describe('a weekly letter goes home', () => {
  it('the contact teacher writes and schedules a weekly letter with a picture (Danish, desktop)', async () => {
    const page = await suite.page(DESKTOP);
    await signIn(page, DEMO.contactTeacher);
    const due = page.getByRole('region', { name: 'Klassebreve' });
    await due.getByText(/Næste ugebrev senest \S+ \d{1,2}\. \S+/).waitFor();
    await due.getByRole('link', { name: '3.A' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Breve fra 3.A');
    await expectNoAxeViolations(page, 'class letters, staff');

    const form = page.getByRole('region', { name: 'Skriv et brev' });
    await form.getByLabel('Overskrift').fill(TITLE);
    const body = form.getByLabel('Tekst', { exact: true });
    await body.fill('I dag var vi i skoven.');
    await body.selectText();
    await form.getByRole('toolbar', { name: 'Formatering' }).getByRole('button', { name: 'Fed' }).click();
    await expect.poll(() => body.inputValue()).toBe('<strong>I dag var vi i skoven.</strong>');
    await form.getByLabel('Beskriv billedet for dem, der ikke kan se det').fill('Klassen under egetræet');
    await form
      .getByLabel('Indsæt billede')
      .setInputFiles({ name: 'skoven.png', mimeType: 'image/png', buffer: PICTURE });
    await form.getByText('skoven.png').waitFor();
    await expect.poll(() => body.inputValue()).toContain('alt="Klassen under egetræet"');

    const now = new Date(((await (await page.request.get('/api/dev/clock')).json()) as { now: string }).now);
    publishDate = localDate(new Date(now.getTime() + 24 * 3_600_000));
    await form.getByLabel('Udgiv på et bestemt tidspunkt').check();
    await form.getByLabel('Dato').fill(publishDate);
    await form.getByLabel('Klokkeslæt').fill('07:30');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText(/^Brevet udgives /).waitFor();
    const card = page.getByRole('article', { name: TITLE });
    await card.getByText(/^Udgives /).waitFor();
    await expectNoAxeViolations(page, 'letter scheduled');

    // The morning comes: the job publishes the letter.
    const publishAt = DateTime.fromISO(`${publishDate}T07:30`, { zone: SCHOOL_TIME_ZONE }).toJSDate();
    await clockTo(page.request, publishAt);
  });

  it("the guardian finds it in the day's digest and reads it, picture and all (English, phone)", async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await chooseEnglish(guardian);
    // Published: the letter is on the guardian's home, not yet opened.
    const feed = guardian.getByRole('region', { name: 'News from the class' });
    await expect
      .poll(
        async () => {
          await guardian.reload();
          await settled(guardian);
          return feed.getByRole('link', { name: `3.A: ${TITLE}` }).count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(1);

    // 17:00: the digest names the letter and links straight to it.
    await clockTo(guardian.request, digestInstant(publishDate));
    let link = '';
    await expect
      .poll(
        async () => {
          const { mails } = (await (
            await guardian.request.get(`/api/dev/mail?to=${encodeURIComponent(DEMO.guardian)}`)
          ).json()) as { mails: Array<{ subject: string; text: string }> };
          const digest = mails.find((m) => /new class letters? from 3\.A/.test(m.subject) && m.text.includes(TITLE));
          link = digest?.text.match(/https?:\/\/\S+\/class-letters\/[\w-]+/)?.[0] ?? '';
          return link;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .not.toBe('');
    await guardian.goto(new URL(link).pathname);
    await settled(guardian);
    await expect.poll(() => guardian.locator('h1').textContent()).toBe(TITLE);
    const picture = guardian.getByRole('img', { name: 'Klassen under egetræet' });
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
    await guardian.getByText('I dag var vi i skoven.').waitFor();
    expect(await guardian.getByRole('button', { name: 'Cancel the letter' }).count()).toBe(0);
    await expectNoAxeViolations(guardian, 'class letter, guardian (phone, English)');
  });

  it("the student reads his class's newest letter from his home (Danish, phone)", async () => {
    const page = await suite.page();
    await signIn(page, DEMO.student);
    const feed = page.getByRole('region', { name: 'Nyt fra klassen' });
    const newest = feed.getByRole('listitem').first();
    const link = newest.getByRole('link', { name: /^7\.A: / });
    await link.waitFor();
    await expect.poll(() => newest.getByText('Ny', { exact: true }).count()).toBe(1);
    const title = (await link.textContent())!.replace(/^7\.A: /, '');
    await link.click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    await page.getByText('Husk madpakke og drikkedunk.').waitFor();
    await expectNoAxeViolations(page, 'class letter, student (phone)');

    await page.getByRole('link', { name: 'Tilbage til klassens breve' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Breve fra 7.A');
    // The list shows each letter's first words as plain text: this one's starts with its topic.
    const topic = title.replace(/^(Ugebrev uge \d+|Nyt fra klassen): /, '');
    await page
      .getByRole('article', { name: title })
      .getByText(new RegExp(`^${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `))
      .waitFor();
    // The letter he opened is no longer new to him; the ones he has not opened are.
    expect(await page.getByRole('article', { name: title }).getByText('Ny', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('article').getByText('Ny', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'Skriv et brev' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'class letters, student (phone)');

    await page.goto('/');
    await settled(page);
    const opened = feed.getByRole('listitem').filter({ has: page.getByRole('link', { name: `7.A: ${title}` }) });
    await opened.waitFor();
    expect(await opened.getByText('Ny', { exact: true }).count()).toBe(0);
  });
});
