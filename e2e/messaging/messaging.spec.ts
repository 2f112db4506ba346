import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

// The test clock lets the last journey move time on until a promise is broken.
const suite = useSuite({ env: { SAMSPIL_TEST_CLOCK: '1' } });

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';
const SUBJECT = 'Madpakke og cykelhjelm';
const SUBJECT_HOSTILE = 'Et mærkeligt tegn';

/** Opens the guardian's composer for their first child from the home page, as a parent would. */
async function openComposer(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Skriv til kontaktlæreren' }).first().click();
  await settled(page);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Skriv til kontaktlæreren');
  await page.getByText(/^Til: .*, kontaktlærer$/).waitFor();
  await expectNoAxeViolations(page, 'compose');
}

async function send(page: Page, subject: string, body: string): Promise<void> {
  await page.getByLabel('Emne').fill(subject);
  await page.getByLabel('Besked', { exact: true }).fill(body);
  await page.getByText(`${body.length} af 20.000 tegn`).waitFor();
  // A double click must store one message: the button is disabled while sending and the key is reused.
  await page.getByRole('button', { name: 'Send besked' }).dblclick();
  await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
  await settled(page);
}

describe('messages with a promise', () => {
  it('a guardian writes to the contact teacher, is promised a reply date, and sees the answer', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await openComposer(guardian);
    await send(guardian, SUBJECT, 'Hej\nKan Emma låne en cykelhjelm på turen i morgen?\nVenlig hilsen');
    await guardian.getByText('Din besked er sendt.').waitFor();
    const promise = guardian.locator('.promise');
    await expect
      .poll(() => promise.textContent())
      .toMatch(/^Skolen svarer senest (mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. \w+$/);
    // Line breaks survive as text.
    expect(
      await guardian
        .locator('.message__body')
        .first()
        .evaluate((el) => (el as HTMLElement).innerText),
    ).toContain('Hej\nKan Emma');
    await expectNoAxeViolations(guardian, 'thread (guardian, just sent)');

    await visit(guardian, '/messages');
    const rows = guardian.locator('li.thread-row').filter({ hasText: SUBJECT });
    expect(await rows.count()).toBe(1);
    // The guardian reads the school's promise, not an order to herself.
    await rows.getByText(/^Skolen svarer senest (mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. \w+$/).waitFor();
    expect(await rows.getByText(/^Svar senest/).count()).toBe(0);

    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    // The teacher's home says what to answer, and by when.
    const work = teacher.getByRole('region', { name: 'Det skal du svare på' });
    await work.getByRole('link', { name: SUBJECT }).waitFor();
    // On a phone the pages sit behind the header's menu button.
    await teacher.getByRole('button', { name: 'Menu' }).click();
    await teacher.getByRole('link', { name: 'Beskeder', exact: true }).click();
    await settled(teacher);
    await expectNoAxeViolations(teacher, 'inbox (teacher)');
    const teacherRow = teacher.locator('li.thread-row').filter({ hasText: SUBJECT });
    // A preview line: who wrote last, and the first words on one line.
    expect(await teacherRow.locator('.thread-row__preview').textContent()).toBe(
      'Mette Lindholm: Hej Kan Emma låne en cykelhjelm på turen i morgen? Venlig hilsen',
    );
    // Only the threads awaiting a reply, by a filter kept in the address.
    await teacher.getByRole('link', { name: 'Venter på svar' }).click();
    await teacher.waitForURL((url) => url.searchParams.get('show') === 'awaiting-reply');
    await settled(teacher);
    expect(await teacher.getByRole('link', { name: 'Venter på svar' }).getAttribute('aria-current')).toBe('true');
    await expectNoAxeViolations(teacher, 'inbox awaiting a reply (teacher)');
    // The unread marker is seen on the badge and heard in the link's name.
    await teacherRow.getByText('1 ulæst', { exact: true }).waitFor();
    // Staff read the same deadline as their task.
    await teacherRow.getByText(/^Svar senest (mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. \w+$/).waitFor();
    await teacherRow.getByRole('link', { name: `${SUBJECT} (1 ulæst)` }).click();
    await settled(teacher);
    await expect.poll(() => teacher.locator('h1').textContent()).toBe(SUBJECT);
    await expect
      .poll(() => teacher.locator('.promise').textContent())
      .toMatch(/^Svar senest (mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. \w+$/);
    await teacher.getByRole('button', { name: 'Bekræft modtagelse' }).waitFor();
    await expectNoAxeViolations(teacher, 'thread (teacher)');
    await teacher.getByLabel('Dit svar').fill('Ja, det ordner jeg.\nHilsen Mette');
    await teacher.getByRole('button', { name: 'Send svar' }).click();
    await teacher.getByText('Dit svar er sendt.').waitFor();
    await teacher.getByText('Besvaret', { exact: true }).waitFor();
    expect(await teacher.getByRole('button', { name: 'Bekræft modtagelse' }).count()).toBe(0);
    // Answered, it no longer awaits a reply.
    await visit(teacher, '/messages?show=awaiting-reply');
    expect(await teacher.locator('li.thread-row').filter({ hasText: SUBJECT }).count()).toBe(0);

    await visit(guardian, '/messages');
    await guardian.locator('li.thread-row').filter({ hasText: SUBJECT }).getByText('Besvaret').waitFor();
    await guardian.locator('li.thread-row').filter({ hasText: SUBJECT }).getByRole('link').click();
    await settled(guardian);
    await guardian.getByText(/Ja, det ordner jeg\./).waitFor();
    await expectNoAxeViolations(guardian, 'thread (guardian, answered)');
  });

  it('shows markup in a message as text and never runs it', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await openComposer(guardian);
    await send(guardian, SUBJECT_HOSTILE, HOSTILE);
    await guardian.locator('.message__body').filter({ hasText: HOSTILE }).waitFor();
    expect(await guardian.locator('main img').count()).toBe(0);

    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await visit(teacher, '/messages');
    await teacher.locator('li.thread-row').filter({ hasText: SUBJECT_HOSTILE }).getByRole('link').click();
    await settled(teacher);
    await teacher.locator('.message__body').filter({ hasText: HOSTILE }).waitFor();
    expect(await teacher.locator('main img').count()).toBe(0);
    for (const page of [guardian, teacher])
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it('advises the teacher to call or meet about bullying, and turns the reply into a request for a call', async () => {
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await visit(teacher, '/messages');
    await teacher.locator('li.thread-row').filter({ hasText: SUBJECT_HOSTILE }).getByRole('link').click();
    await settled(teacher);
    const reply = teacher.getByLabel('Dit svar');
    await reply.fill('Vi har set mobning i frikvarteret, og Emma var med i det. Det må stoppe nu.');
    const advice = teacher.locator('.advice');
    await advice.getByText(/^Læsbarhed: (let|middel|svær) \(LIX \d+\)$/).waitFor();
    await advice
      .getByText('Overvej at ringe eller mødes. Beskeden handler om mobning, og det tales bedst igennem.')
      .waitFor();
    expect(await advice.getAttribute('aria-live')).toBe('polite');
    await expectNoAxeViolations(teacher, 'thread with advice');
    await advice.getByRole('button', { name: 'Bed om en opringning eller et møde' }).click();
    await expect
      .poll(() => reply.inputValue())
      .toMatch(/^Tak for din besked\. .*Kan jeg ringe til dig, eller vil du komme til et møde/s);
    // The advice never blocks: the button to send stays enabled.
    expect(await teacher.getByRole('button', { name: 'Send svar' }).isEnabled()).toBe(true);
  });

  it('the contact teacher writes to the parents of 3.A, a parent answers privately, and the teacher sees who has read it', async () => {
    const subject = 'Tur til skoven fredag';
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await teacher.getByRole('link', { name: 'Klasse 3.A' }).first().click();
    await settled(teacher);
    await teacher.getByRole('link', { name: 'Skriv til forældrene i 3.A' }).click();
    await settled(teacher);
    await teacher.getByText('Til: Forældre i 3.A').waitFor();
    await expectNoAxeViolations(teacher, 'class message');
    await teacher.getByLabel('Emne').fill(subject);
    await teacher.getByLabel('Besked', { exact: true }).fill('Kære forældre\nHusk gummistøvler fredag.');
    await teacher.getByRole('button', { name: 'Send besked' }).click();
    await teacher.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
    await settled(teacher);
    const groupPath = new URL(teacher.url()).pathname;
    await teacher.getByText('Forældre i 3.A', { exact: true }).waitFor();
    await teacher.getByText(/^0 af \d+ forældre har læst den nyeste besked\.$/).waitFor();
    await expectNoAxeViolations(teacher, 'class thread (teacher)');

    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await visit(guardian, '/messages');
    await guardian.locator('li.thread-row').filter({ hasText: subject }).getByRole('link').click();
    await settled(guardian);
    await guardian.getByText(/Husk gummistøvler fredag\./).waitFor();
    await guardian.getByText('Dit svar går kun til skolens personale i tråden, ikke til de andre forældre.').waitFor();
    // The guardian is not shown who else has read it.
    expect(await guardian.getByRole('heading', { name: 'Hvem har læst' }).count()).toBe(0);
    await expectNoAxeViolations(guardian, 'class thread (guardian)');
    await guardian.getByLabel('Dit svar').fill('Tak, Emma har støvler med.');
    await guardian.getByRole('button', { name: 'Send svar' }).click();
    await guardian.waitForURL((url) => url.pathname !== groupPath && url.pathname.startsWith('/messages/'));
    await settled(guardian);
    await guardian.getByText('Tak, Emma har støvler med.').waitFor();
    await guardian.getByRole('link', { name: 'Se fællesbeskeden' }).waitFor();

    await visit(teacher, groupPath);
    const readers = teacher.locator('.panel').filter({ has: teacher.getByRole('heading', { name: 'Hvem har læst' }) });
    await readers.getByText(/^1 af \d+ forældre har læst den nyeste besked\.$/).waitFor();
    // The other parents never see the private answer in the class thread.
    expect(await teacher.getByText('Tak, Emma har støvler med.').count()).toBe(0);
  });

  it('shows the leader a promise broken once a week has passed without an answer', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    const subject = 'Spørgsmål om lektiecafé';
    await openComposer(guardian);
    await send(guardian, subject, 'Hvornår har lektiecaféen åbent?');

    const moved = await guardian.request.post('/api/dev/clock', { data: { advanceHours: 24 * 7 } });
    expect(moved.status()).toBe(200);

    const leader = await suite.page();
    await signIn(leader, DEMO.leader);
    const school = await mySchool(leader);
    await leader.getByRole('link', { name: 'Brudte svarløfter', exact: true }).click();
    await settled(leader);
    await expect.poll(() => leader.locator('h1').textContent()).toBe('Brudte svarløfter');
    await expectNoAxeViolations(leader, 'broken promises');
    expect(new URL(leader.url()).pathname).toBe(`/schools/${school.id}/broken-promises`);
    const row = leader
      .getByRole('table', { name: 'Beskeder uden svar til tiden' })
      .locator('tbody tr')
      .filter({ hasText: subject });
    await row.waitFor();
    const cells = await row.locator('th, td').allTextContents();
    expect(cells[1]).not.toBe('–');
    expect(cells[2]).not.toBe('–');
    expect(cells[4]).toMatch(/^[1-9]\d* arbejdsdage?$/);
  });

  it('tells a guardian writing at the weekend when the contact teacher reads messages again, and lets them write', async () => {
    const guardian = await suite.page();
    // On to the next Saturday at noon in Copenhagen: inside seed 002's quiet hours (weekends).
    // Signed in afterwards: a session idle for days has ended.
    const now = new Date(((await (await guardian.request.get('/api/dev/clock')).json()) as { now: string }).now);
    const saturdayNoon = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((6 - now.getUTCDay() + 7) % 7 || 7), 11),
    );
    const moved = await guardian.request.post('/api/dev/clock', {
      data: { advanceHours: (saturdayNoon.getTime() - now.getTime()) / 3_600_000 },
    });
    expect(moved.status()).toBe(200);
    await signIn(guardian, DEMO.guardian);

    await openComposer(guardian);
    await guardian
      .getByText(
        /^.+ har fri nu og læser beskeder igen fra mandag \d{1,2}\. \S+ kl\. 07\.00\. Du kan sagtens skrive nu\.$/,
      )
      .waitFor();
    await expectNoAxeViolations(guardian, 'compose at the weekend');
    await send(guardian, 'Weekendbesked', 'Emma er syg i dag.');
    await guardian.getByText('Din besked er sendt.').waitFor();
  });
});
