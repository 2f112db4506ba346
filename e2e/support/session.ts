import type { Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { expectNoAxeViolations } from './axe.js';

export const DEMO_PASSWORD = 'samspil-demo';

/** The demo school's accounts (created by `samspil serve` on an empty database). */
export const DEMO = {
  leader: 'leder@demo.samspil.dk',
  contactTeacher: 'kontaktlaerer@demo.samspil.dk',
  guardian: 'foraelder@demo.samspil.dk',
  boardMember: 'bestyrelse@demo.samspil.dk',
  student: 'elev@demo.samspil.dk',
  administrator: 'administrator@demo.samspil.dk',
} as const;

/**
 * Signs in through the sign-in form and waits for the home page; both pages are checked with axe.
 * The form itself, by mouse and by keyboard, is the subject of e2e/auth/sign-in.spec.ts.
 */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await visit(page, '/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^(Adgangskode|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Log ind|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await settled(page);
  await checkOnce(page, `/ (${email})`);
}

/**
 * Signs in as a journey's starting point: the same sign-in request the form sends, from the
 * page's own browser context (its cookie jar), then the home page, checked with axe.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await page.request.post('/api/auth/sign-in', { data: { email, password } });
  if (!response.ok()) throw new Error(`Signing in as ${email} failed: ${response.status()} ${await response.text()}`);
  await page.goto('/');
  await settled(page);
  await checkOnce(page, `/ (${email})`);
}

/**
 * Switches the signed-in reader to English with the header's language button. The choice is saved
 * on the account, and a spec's later journeys sign in as the same demo people in Danish, so the
 * account is set back to Danish when the test ends (the page is closed by then; its cookie is not).
 */
export async function chooseEnglish(page: Page): Promise<void> {
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/me/preferences') && response.ok());
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Dansk' }).waitFor();
  await saved;
  const origin = new URL(page.url()).origin;
  const cookie = (await page.context().cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
  onTestFinished(async () => {
    const response = await fetch(`${origin}/api/me/preferences`, {
      method: 'PUT',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'da' }),
    });
    if (!response.ok) throw new Error(`Setting the account back to Danish failed: ${response.status}`);
  });
}

/** Goes to a path, waits until its loading state is over, and checks it with axe. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settled(page);
  await checkOnce(page, path);
}

/**
 * The pages this spec file has checked with axe, by server, name, screen width and language: a
 * page that a file visits again (the home page after each sign-in) is checked the first time. A check after
 * a change on the page is the test's own `expectNoAxeViolations`.
 */
const checked = new Set<string>();

async function checkOnce(page: Page, label: string): Promise<void> {
  // The origin names the spec file's own server: a worker runs several files in one module scope.
  const key = `${new URL(page.url()).origin} ${label} ${page.viewportSize()?.width ?? 0} ${await page.evaluate(() => document.documentElement.lang)}`;
  if (checked.has(key)) return;
  await expectNoAxeViolations(page, label);
  checked.add(key);
}

/** Waits until the page shows no loading indicators. */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0, undefined, { timeout: 15_000 });
}

/** The id of the demo school from the signed-in user's /api/me. */
export async function mySchool(page: Page): Promise<{ id: string; slug: string; name: string }> {
  const response = await page.request.get('/api/me');
  const me = (await response.json()) as { schools: Array<{ id: string; slug: string; name: string }> };
  const school = me.schools[0];
  if (!school) throw new Error('The signed-in user has no school');
  return school;
}
