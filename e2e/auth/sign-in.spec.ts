import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, DEMO_PASSWORD, settled, signInWithForm, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

describe('signing in', () => {
  it('works with the keyboard alone, and the guardian then sees both children, their contact teachers and the reply promise', async () => {
    const page = await suite.page();
    await visit(page, '/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('da');

    // Tab from the top of the page until the e-mail field has focus: no mouse anywhere.
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'email')) break;
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('email');
    await page.keyboard.type(DEMO.guardian);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === '/');
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hej Mette');
    const children = page.getByRole('region', { name: 'Dine børn' }).locator('article');
    await expect.poll(() => children.count()).toBe(2);
    const emma = page.getByRole('article', { name: 'Emma Lindholm' });
    await emma.getByText('Går i 3.A').waitFor();
    await emma.getByText('Birgitte Lund').waitFor();
    await emma.getByText('Vi svarer senest 3 arbejdsdage efter din henvendelse.').waitFor();
    expect(await emma.getByRole('link', { name: /@demo\.samspil\.dk$/ }).count()).toBe(1);
    const oscar = page.getByRole('article', { name: 'Oscar Lindholm' });
    await oscar.getByText('Går i 7.A').waitFor();
    await oscar.getByText('Vi svarer senest 3 arbejdsdage efter din henvendelse.').waitFor();
    await expectNoAxeViolations(page, '/ (guardian)');
  });

  it('announces a wrong password and ties the message to the password field', async () => {
    const page = await suite.page();
    await visit(page, '/login');
    await page.getByLabel('E-mail').fill(DEMO.guardian);
    await page.getByLabel('Adgangskode').fill('not-the-password');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();

    const password = page.getByLabel('Adgangskode');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const fieldMessage = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
    expect(fieldMessage).toBe('E-mail eller adgangskode er forkert.');
    const live = page.locator('[aria-live="assertive"]');
    expect(await live.textContent()).toContain('E-mail eller adgangskode er forkert.');
    expect(page.url()).toContain('/login');
    await expectNoAxeViolations(page, '/login (wrong password)');
  });

  it('asks for the missing e-mail before sending anything, in the field and in Danish or English', async () => {
    const page = await suite.page();
    const sent: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname === '/api/auth/sign-in' || pathname === '/api/auth/magic-link') sent.push(pathname);
    });
    await visit(page, '/login');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    const email = page.getByLabel('E-mail');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('email');
    const errorOf = async (field: typeof email) => {
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      return page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
    };
    expect(await errorOf(email)).toBe('Skriv din e-mailadresse.');
    const password = page.getByLabel('Adgangskode');
    expect(await errorOf(password)).toBe('Skriv din adgangskode.');
    expect(await page.locator('[aria-live="assertive"]').textContent()).toContain(
      'Ret de markerede felter for at fortsætte.',
    );
    await expectNoAxeViolations(page, '/login (empty form)');

    // Asking for a link checks the address alone: a wrong one is named, the empty password is not.
    await email.fill('mette@');
    await page.getByRole('button', { name: 'Send mig et link i stedet' }).click();
    await expect.poll(() => errorOf(email)).toBe('Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.');
    expect(await password.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await email.fill('');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => errorOf(page.getByLabel('E-mail'))).toBe('Enter your e-mail address.');
    expect(await errorOf(page.getByLabel('Password'))).toBe('Enter your password.');
    await expectNoAxeViolations(page, '/login (empty form, English)');
    expect(sent).toEqual([]);
  });

  it('signs in with a link from the e-mail shown on /dev/mail', async () => {
    const page = await suite.page();
    await visit(page, '/login');
    await page.getByLabel('E-mail').fill(DEMO.leader);
    await page.getByRole('button', { name: 'Send mig et link i stedet' }).click();
    await page.getByText('Hvis vi kender adressen, er et link på vej.').waitFor();
    await expectNoAxeViolations(page, '/login (link sent)');

    await visit(page, '/dev/mail');
    const mail = page.locator('article').filter({ hasText: DEMO.leader }).first();
    await mail.waitFor();
    const link = mail.getByRole('link', { name: /\/login\/link#token=/ });
    const href = await link.getAttribute('href');
    // The token is in the fragment: the browser never sends it, so no access log holds it.
    expect(href).toMatch(/\/login\/link#token=[\w-]+$/);
    // The mail links to PUBLIC_URL; open the same path on this server.
    const opened = page.waitForRequest((request) => request.url().includes('/login/link'));
    await page.goto(new URL(href!).pathname + new URL(href!).hash);
    expect(new URL((await opened).url()).search).toBe('');
    await settled(page);
    await expectNoAxeViolations(page, '/login/link');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hej Hanne');
    await settled(page);
    await expectNoAxeViolations(page, '/ (after link sign-in)');
  });

  it('switches to English, keeps the choice after a reload, and marks the page language', async () => {
    const page = await suite.page();
    // Only an English reader downloads the English catalogue.
    const catalogues: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/en-[\w-]+\.js$/.test(new URL(request.url()).pathname)) catalogues.push(request.url());
    });
    await signInWithForm(page, DEMO.guardian);
    expect(catalogues).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hello Mette');
    await page.getByText('We reply within 3 working days of your message.').first().waitFor();
    await expectNoAxeViolations(page, '/ (English)');

    expect(catalogues).toHaveLength(1);
    await page.reload();
    await settled(page);
    expect(catalogues).toHaveLength(2);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Hello Mette');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'samspil_lang')?.value).toBe('en');
    const me = (await (await page.request.get('/api/me')).json()) as { locale: string };
    expect(me.locale).toBe('en');

    // The account is Danish again before the test ends: the spec's later tests sign in as Mette.
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/me/preferences') && response.request().method() === 'PUT' && response.ok(),
    );
    await page.getByRole('button', { name: 'Dansk' }).click();
    await saved;
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('da');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hej Mette');
  });

  it('lists the sessions on the profile page and signs out everywhere', async () => {
    const other = await suite.page();
    await signInWithForm(other, DEMO.guardian);
    const page = await suite.page();
    await signInWithForm(page, DEMO.guardian);
    await visit(page, '/profile');
    const sessions = page.getByRole('region', { name: 'Dine sessioner' });
    await sessions.getByText('Denne enhed', { exact: true }).waitFor();
    expect(await sessions.locator('li.card').count()).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Log ud overalt' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await settled(page);
    await expectNoAxeViolations(page, '/login (after signing out everywhere)');
    // The other device's session has ended too.
    expect((await other.request.get('/api/me')).status()).toBe(401);
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('shows a translated message when the shared login service sent the user back with an error', async () => {
    const page = await suite.page();
    await visit(page, '/login?error=oidc_no_account');
    await page.getByText('Vi kender ikke dit login hos nogen skole. Kontakt skolens kontor.').waitFor();
  });

  it('shows a calm error page with the error number when the server fails', async () => {
    const page = await suite.page();
    await page.route('**/api/me', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'Noget gik galt hos os.', requestId: 'e2e-4711' } }),
      }),
    );
    await visit(page, '/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Noget gik galt hos os');
    await page.getByText('e2e-4711').waitFor();
    await page.getByRole('button', { name: 'Prøv igen' }).waitFor();
  });
});
