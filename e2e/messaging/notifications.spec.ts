import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

/** The header's link to the notifications, whatever its count says. */
const bell = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name });
const unreadIn = async (link: Locator) => Number(/(\d+)/.exec((await link.getAttribute('aria-label')) ?? '')?.[1] ?? 0);

async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

describe('notifications of new messages', () => {
  it('a guardian chooses e-mail at once, the teacher writes to the class, and the notification leads to the thread', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);

    // Settings on the profile: the digest is the default; the guardian switches to "at once".
    await visit(guardian, '/profile');
    const section = guardian.getByRole('region', { name: 'Notifikationer' });
    const digest = section.getByRole('radio', { name: 'Daglig oversigt kl. 17' });
    expect(await digest.isChecked()).toBe(true);
    await section.getByText(/hastende .* altid på e-mail med det samme/).waitFor();
    await section.getByRole('radio', { name: 'Med det samme' }).check();
    await section.getByRole('button', { name: 'Gem notifikationer' }).click();
    await section.getByText('Dine valg er gemt.').waitFor();
    await expectNoAxeViolations(guardian, 'profile with notification settings');

    const link = bell(guardian, /^Notifikationer(, \d+ ulæste?)?$/);
    const before = await unreadIn(link);

    // The contact teacher writes to 3.A's parents.
    const me = (await (await guardian.request.get('/api/me')).json()) as {
      schools: Array<{ id: string }>;
      children: Array<{ class: { id: string; name: string } | null }>;
    };
    const classA = me.children.find((c) => c.class?.name === '3.A')!.class!;
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    const subject = `Motionsdag ${Date.now()}`;
    const sent = await teacher.request.post(`/api/schools/${me.schools[0]!.id}/classes/${classA.id}/messages`, {
      data: { subject, body: 'Husk løbesko og drikkedunk på fredag.' },
    });
    expect(sent.status()).toBe(201);
    const threadId = ((await sent.json()) as { id: string }).id;

    // The server's job loop runs the notification right after the commit; the header shows the new count.
    await expect
      .poll(
        async () => {
          await guardian.reload();
          await settled(guardian);
          return unreadIn(link);
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(before + 1);
    expect(await link.getAttribute('aria-label')).toBe(
      `Notifikationer, ${before + 1} ${before + 1 === 1 ? 'ulæst' : 'ulæste'}`,
    );

    // Chosen "at once": the e-mail is in the development outbox, with a link and without the body.
    const mails = (await (await guardian.request.get('/api/dev/mail')).json()) as {
      mails: Array<{ to: string; subject: string; text: string }>;
    };
    const mail = mails.mails.find((m) => m.to === DEMO.guardian && m.subject === `Ny besked: ${subject}`);
    expect(mail?.text).toContain(`/messages/${threadId}`);
    expect(mail?.text).not.toContain('løbesko');

    await link.click();
    await guardian.waitForURL((url) => url.pathname === '/notifications');
    await settled(guardian);
    await expect.poll(() => guardian.locator('h1').textContent()).toBe('Notifikationer');
    await expectNoAxeViolations(guardian, '/notifications');
    const item = guardian.getByRole('link', { name: `Ny besked: ${subject} (ulæst)` });
    await item.click();
    await guardian.waitForURL((url) => url.pathname === `/messages/${threadId}`);
    await settled(guardian);
    await expect.poll(() => guardian.locator('h1').textContent()).toBe(subject);
    await expect.poll(() => unreadIn(link)).toBe(before);

    await visit(guardian, '/notifications');
    await guardian.getByRole('link', { name: `Ny besked: ${subject}`, exact: true }).waitFor();
  });

  it('in English, with the keyboard only: the guardian reaches the notifications and marks them all read', async () => {
    const page = await suite.page({ locale: 'en-GB' });
    await signIn(page, DEMO.guardian);
    await tabTo(page, page.getByRole('button', { name: 'English' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    const link = bell(page, /^Notifications(, \d+ unread)?$/);
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/notifications');
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Notifications');
    await expectNoAxeViolations(page, '/notifications (English)');

    const markAll = page.getByRole('button', { name: 'Mark all as read' });
    if (await markAll.count()) {
      await tabTo(page, markAll);
      await page.keyboard.press('Enter');
    }
    await page.getByText('You have read all your notifications.').waitFor();
    expect(await link.getAttribute('aria-label')).toBe('Notifications');
    await expectNoAxeViolations(page, '/notifications (English, all read)');

    // The settings link leads to the profile's section, in English.
    await tabTo(page, page.getByRole('link', { name: 'Choose how you are told' }));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/profile');
    await settled(page);
    await page.getByRole('region', { name: 'Notifications' }).getByRole('radio', { name: 'At once' }).waitFor();
    await expectNoAxeViolations(page, '/profile (English)');
  });
});
