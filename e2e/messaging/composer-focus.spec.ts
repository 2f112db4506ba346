import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { chooseEnglish, DEMO, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

/**
 * Holds the answers of the GET requests `matches` picks for `ms`, as a slow connection would:
 * the server answers as always, the page just waits longer for it.
 */
async function slowDown(page: Page, matches: (path: string) => boolean, ms: number): Promise<void> {
  await page.route(
    (url) => matches(url.pathname),
    async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    },
  );
}

const isDraft = (path: string) => /^\/api\/schools\/[^/]+\/drafts\//.test(path);
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/**
 * A composer opened by a link on a slow connection: once it has loaded, focus is on its heading
 * (not lost to the page's body, where the next Tab starts again at the top); the writer who
 * starts typing before the saved draft arrives keeps what they typed, with the focus where they
 * type, and the draft fills only the field they left empty.
 */
async function typeWhileTheDraftLoads(
  page: Page,
  {
    title,
    subjectLabel,
    bodyLabel,
    subjectId,
    draftBody,
  }: { title: string; subjectLabel: string; bodyLabel: string; subjectId: string; draftBody: string },
): Promise<void> {
  await expect.poll(() => page.locator('h1').textContent()).toBe(title);
  const subject = page.getByLabel(subjectLabel, { exact: true });
  await subject.waitFor();
  expect(await activeId(page)).toBe('page-title');

  await subject.click();
  await page.keyboard.type('Mit eget emne');
  await expect
    .poll(() => page.getByLabel(bodyLabel, { exact: true }).inputValue(), { timeout: 10_000 })
    .toBe(draftBody);
  expect(await subject.inputValue()).toBe('Mit eget emne');
  expect(await activeId(page)).toBe(subjectId);
  await page.keyboard.type('!');
  expect(await subject.inputValue()).toBe('Mit eget emne!');
}

describe('a composer that is still loading keeps the focus and the writing', () => {
  it('a teacher’s class message, in Danish on a phone', async () => {
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await teacher.getByRole('link', { name: 'Klasse 3.A' }).first().click();
    await settled(teacher);
    const classPath = new URL(teacher.url()).pathname;
    await teacher.getByRole('link', { name: 'Skriv til forældrene i 3.A' }).click();
    await settled(teacher);
    await teacher.getByLabel('Emne').fill('Kladdens emne');
    await teacher.getByLabel('Besked', { exact: true }).fill('Kladdens tekst om turen.');
    await teacher.getByText('Kladde gemt').waitFor();

    await visit(teacher, classPath);
    await slowDown(teacher, (path) => /^\/api\/schools\/[^/]+\/classes$/.test(path), 600);
    await slowDown(teacher, isDraft, 2500);
    await teacher.getByRole('link', { name: 'Skriv til forældrene i 3.A' }).click();
    await typeWhileTheDraftLoads(teacher, {
      title: 'Skriv til forældrene i 3.A',
      subjectLabel: 'Emne',
      bodyLabel: 'Besked',
      subjectId: 'class-subject',
      draftBody: 'Kladdens tekst om turen.',
    });
    await teacher.getByText('Kladde gemt').waitFor();
    await expectNoAxeViolations(teacher, 'class message typed while its draft loaded');
  });

  it('a leader’s message to a colleague, in English on a desktop screen', async () => {
    const leader = await suite.page({ viewport: { width: 1280, height: 900 } });
    await signIn(leader, DEMO.leader);
    await chooseEnglish(leader);
    await visit(leader, '/messages');
    await leader.getByRole('link', { name: 'New message to a colleague' }).click();
    await settled(leader);
    // The shared schema refuses an empty message on its fields, in the reader's language, and
    // the first field in error gets the focus.
    await leader.getByRole('button', { name: 'Send message' }).click();
    await leader.getByText('Choose at least one colleague.').waitFor();
    expect(await activeId(leader)).toBe('colleague-recipients');
    expect(await leader.locator('#colleague-recipients').getAttribute('aria-invalid')).toBe('true');
    const subject = leader.getByLabel('Subject');
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    expect(await subject.getAttribute('aria-describedby')).toBe('colleague-subject-error');
    expect(await leader.locator('#colleague-subject-error').textContent()).toBe('Write a subject.');
    await expectNoAxeViolations(leader, 'message to a colleague refused');
    await subject.fill('Draft subject');
    expect(await subject.getAttribute('aria-invalid')).toBeNull();
    await leader.getByLabel('Message', { exact: true }).fill('The draft’s words about the staff meeting.');
    await leader.getByText('Draft saved').waitFor();

    await visit(leader, '/messages');
    await slowDown(leader, (path) => /^\/api\/schools\/[^/]+\/staff$/.test(path), 600);
    await slowDown(leader, isDraft, 2500);
    await leader.getByRole('link', { name: 'New message to a colleague' }).click();
    await typeWhileTheDraftLoads(leader, {
      title: 'New message to a colleague',
      subjectLabel: 'Subject',
      bodyLabel: 'Message',
      subjectId: 'colleague-subject',
      draftBody: 'The draft’s words about the staff meeting.',
    });
    await leader.getByText('Draft saved').waitFor();
    await expectNoAxeViolations(leader, 'message to a colleague typed while its draft loaded');
  });
});

describe('after a link, back or forward, the loaded page’s heading has the focus', () => {
  it('a guardian’s message to the contact teacher, typed while its draft loads', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await guardian.getByRole('link', { name: 'Skriv til kontaktlæreren' }).first().click();
    await settled(guardian);
    await guardian.getByLabel('Emne').fill('Kladdens emne');
    await guardian.getByLabel('Besked', { exact: true }).fill('Kladdens tekst om madpakken.');
    await guardian.getByText('Kladde gemt').waitFor();

    await visit(guardian, '/');
    await slowDown(guardian, isDraft, 2500);
    await guardian.getByRole('link', { name: 'Skriv til kontaktlæreren' }).first().click();
    await typeWhileTheDraftLoads(guardian, {
      title: 'Skriv til kontaktlæreren',
      subjectLabel: 'Emne',
      bodyLabel: 'Besked',
      subjectId: 'compose-subject',
      draftBody: 'Kladdens tekst om madpakken.',
    });
    await guardian.getByText('Kladde gemt').waitFor();
    await expectNoAxeViolations(guardian, 'guardian’s message typed while its draft loaded');
  });

  it('the inbox and a thread, opened by links and by back and forward on a slow connection', async () => {
    const guardian = await suite.page({ viewport: { width: 1280, height: 900 } });
    await signIn(guardian, DEMO.guardian);
    await slowDown(guardian, (path) => path === '/api/threads', 800);
    await slowDown(guardian, (path) => /^\/api\/threads\/[0-9a-f-]{36}$/.test(path), 800);
    // The loading placeholder carries the page's heading too: wait for the heading, then for the
    // page to finish loading, or a Tab pressed over the placeholder would rightly leave the page.
    const headingHasFocus = async (title: string) => {
      await expect.poll(() => guardian.locator('h1').textContent()).toBe(title);
      await settled(guardian);
      await expect.poll(() => activeId(guardian)).toBe('page-title');
    };

    await guardian.getByRole('link', { name: 'Beskeder', exact: true }).click();
    await headingHasFocus('Beskeder');
    // The next Tab goes on in the page, not from the top (the skip link, the header).
    await guardian.keyboard.press('Tab');
    expect(await guardian.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

    const thread = guardian.locator('main a[href^="/messages/"]').filter({ hasNotText: /Skriv/ }).first();
    const subject = (await thread.textContent())?.trim() ?? '';
    await thread.click();
    await guardian.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
    await headingHasFocus(subject);

    await guardian.goBack();
    await headingHasFocus('Beskeder');
    await guardian.goForward();
    await headingHasFocus(subject);

    // Focus the reader moves while the page loads stays where they put it.
    await guardian.goBack();
    await guardian.getByRole('link', { name: 'Samspil' }).focus();
    await settled(guardian);
    await guardian.waitForTimeout(300);
    expect(await guardian.evaluate(() => document.activeElement?.textContent)).toBe('Samspil');
  });
});
