import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

/**
 * Presses Tab until `target` has focus, as a keyboard user moves through the page. Fails when the
 * target is never reached, which is what a keyboard trap or an unfocusable control would cause.
 */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Tabs to a link or button and presses Enter on it. */
async function activate(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

const heading = (page: Page) => page.locator('h1').textContent();

describe('messages in Danish: search', () => {
  it('finds another form of a word through the Danish stemmer and marks it without running markup', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    const me = (await (await guardian.request.get('/api/me')).json()) as { children: Array<{ id: string }> };
    const subject = 'Uro efter frokost';
    const body = 'Emma fortæller, at der er meget uro i klassen efter frokost. <img src=x onerror="window.__pwned=1">';
    const sent = await guardian.request.post('/api/threads', {
      data: { studentId: me.children[0]!.id, subject, body },
    });
    expect(sent.status()).toBe(201);

    // The search lives in the address: a bookmarked search opens with its results.
    await visit(guardian, '/messages/search?q=klasse');
    await expect.poll(() => heading(guardian)).toBe('Søg i beskeder');
    expect(await guardian.getByRole('searchbox', { name: 'Søg efter' }).inputValue()).toBe('klasse');
    await guardian.getByText(/^\d+ (besked|beskeder) matcher »klasse«\.$/).waitFor();
    const hit = guardian.locator('li.search-hit').filter({ hasText: subject });
    // "klasse" found "klassen", and the match is marked in the excerpt.
    expect(await hit.locator('mark').allTextContents()).toEqual(['klassen']);
    expect(await hit.locator('.search-hit__snippet').textContent()).toContain('uro i klassen efter frokost');
    expect(await hit.locator('.search-hit__snippet img').count()).toBe(0);
    expect(await guardian.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    await guardian.getByRole('searchbox', { name: 'Søg efter' }).fill('elefantsnabel');
    await guardian.getByRole('searchbox', { name: 'Søg efter' }).press('Enter');
    await guardian.getByText('Ingen beskeder matcher »elefantsnabel«.').waitFor();
    await expectNoAxeViolations(guardian, 'search (Danish, no hits)');

    // An empty search is explained at the field, not sent.
    await guardian.getByRole('searchbox', { name: 'Søg efter' }).fill('   ');
    await guardian.getByRole('searchbox', { name: 'Søg efter' }).press('Enter');
    await guardian.getByText('Skriv det, du vil søge efter.').waitFor();
    expect(new URL(guardian.url()).searchParams.get('q')).toBe('elefantsnabel');

    // A search the API refuses (longer than the field allows, typed into the address) is explained in Danish.
    await visit(guardian, `/messages/search?q=${'a'.repeat(201)}`);
    await guardian.getByText('Nogle felter er ikke udfyldt rigtigt.').waitFor();
  });
});

describe('messages in English, with the keyboard only', () => {
  it('a guardian switches to English, writes, is promised a reply date, searches and opens the hit', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.guardian);

    // The language switch in the header, as a user finds it.
    await activate(page, page.getByRole('button', { name: 'English' }));
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Dansk' }).waitFor();
    await expect.poll(() => heading(page)).toMatch(/^Hello /);
    await expectNoAxeViolations(page, 'home (English)');

    // On a phone the pages sit behind the header's menu button, which opens with Enter.
    const menu = page.getByRole('button', { name: 'Menu' });
    await activate(page, menu);
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await activate(page, page.getByRole('link', { name: 'Messages', exact: true }));
    await page.waitForURL((url) => url.pathname === '/messages');
    await settled(page);
    await expect.poll(() => heading(page)).toBe('Messages');
    await page.getByRole('search', { name: 'Search messages' }).waitFor();
    await expectNoAxeViolations(page, 'inbox (English)');

    await activate(page, page.getByRole('link', { name: 'Write a new message' }));
    await page.waitForURL((url) => url.pathname === '/messages/new');
    await settled(page);
    await expect.poll(() => heading(page)).toBe('Write to the contact teacher');
    await page.getByText(/^To: .*, contact teacher$/).waitFor();
    await expectNoAxeViolations(page, 'compose (English)');

    const subject = 'Forgotten raincoat';
    await tabTo(page, page.getByLabel('Subject'));
    await page.keyboard.type(subject);
    await tabTo(page, page.getByLabel('Message', { exact: true }));
    await page.keyboard.type(
      'Hello\nEmma left her blue raincoat at school on Friday. Could she bring it home today?\nBest regards',
    );
    await page.getByText(/^\d+ of 20,000 characters$/).waitFor();
    await activate(page, page.getByRole('button', { name: 'Send message' }));
    await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
    await settled(page);
    await page.getByText('Your message has been sent.').waitFor();
    await expect
      .poll(() => page.locator('.promise').textContent())
      .toMatch(/^The school replies by (Monday|Tuesday|Wednesday|Thursday|Friday),? \d{1,2} [A-Z][a-z]+$/);
    await expectNoAxeViolations(page, 'thread (English, just sent)');
    const threadPath = new URL(page.url()).pathname;

    await activate(page, page.getByRole('link', { name: 'Back to messages' }));
    await page.waitForURL((url) => url.pathname === '/messages');
    await settled(page);
    // In the inbox too the guardian reads the school's promise.
    await page
      .locator('li.thread-row')
      .first()
      .getByText(/^The school replies by (Monday|Tuesday|Wednesday|Thursday|Friday),? \d{1,2} [A-Z][a-z]+$/)
      .waitFor();
    await tabTo(page, page.getByRole('searchbox', { name: 'Search for' }));
    await page.keyboard.type('raincoat');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/messages/search' && url.searchParams.get('q') === 'raincoat');
    await settled(page);
    await expect.poll(() => heading(page)).toBe('Search messages');
    // The count sits in a polite live region, so it is read out when the results arrive.
    const status = page.locator('[aria-live="polite"]').filter({ hasText: 'matches' });
    await expect.poll(() => status.textContent()).toBe('1 message matches “raincoat”.');
    const hit = page.locator('li.search-hit');
    expect(await hit.locator('mark').allTextContents()).toEqual(['raincoat']);
    await expectNoAxeViolations(page, 'search (English)');

    // Another search, then the back button brings the first one back.
    await tabTo(page, page.getByRole('searchbox', { name: 'Search for' }));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('zebrafinch');
    await page.keyboard.press('Enter');
    await page.getByText('No messages match “zebrafinch”.').waitFor();
    await expectNoAxeViolations(page, 'search (English, no hits)');
    await page.goBack();
    await page.getByText('1 message matches “raincoat”.').waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search for' }).inputValue()).toBe('raincoat');

    // The hit opens the thread at the matching message, which takes focus.
    await activate(page, hit.getByRole('link', { name: subject }));
    await page.waitForURL((url) => url.pathname === threadPath && url.hash.startsWith('#message-'));
    await settled(page);
    const hash = new URL(page.url()).hash;
    await expect.poll(() => page.evaluate(() => `#${document.activeElement?.id ?? ''}`)).toBe(hash);
    expect(await page.locator(hash).textContent()).toContain('blue raincoat');
    await expectNoAxeViolations(page, 'thread (English, from search)');
  });
});
