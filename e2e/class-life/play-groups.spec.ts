import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { chooseEnglish, DEMO, mySchool, settled, signIn } from '../support/session.js';
import { isoDaysFromNow, representativeOf3A, signInWithLink } from '../support/demo-people.js';
import { useSuite } from '../support/suite.js';
import { STUDENTS_PER_CLASS } from '../../src/server/demo/demo-directory.js';

const suite = useSuite();
const DESKTOP = { viewport: { width: 1280, height: 900 } };

interface ClassGroups {
  rounds: { meetsOn: string; past: boolean; groups: { children: { id: string; name: string }[] }[] }[];
}

/** The names never in Emma's group in the coming rounds, from the representative's view. */
let strangers: string[] = [];

/**
 * Issue 12, point 5: a class parent representative of 3.A makes the class's play groups again
 * from next week (Danish, desktop); the demo guardian then sees only Emma's own group on Emma's
 * card, with whose home hosts, and declines hosting (English, phone). Every page is checked by axe.
 */
describe('play groups', () => {
  it('a class parent representative generates play groups for 3.A (desktop)', async () => {
    const page = await suite.page(DESKTOP);
    await signInWithLink(page, representativeOf3A());
    await settled(page);
    await expectNoAxeViolations(page, 'home, representative');
    const section = page.getByRole('region', { name: 'Legegrupper' });
    await section.getByRole('link', { name: 'Legegrupper i 3.A' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Legegrupper i 3.A');
    // The staff's pairs kept apart, and why, are not for a representative.
    expect(await page.getByRole('region', { name: 'Børn, der holdes adskilt' }).count()).toBe(0);
    expect(await page.getByText('Konflikt i frikvarteret', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(page, 'play groups, representative');

    const form = page.getByRole('region', { name: 'Lav legegrupperne om' });
    const first = isoDaysFromNow(7);
    await form.getByLabel('Børn pr. gruppe').selectOption({ label: '3 børn' });
    await form.getByLabel('Første runde').fill(first);
    await form.getByLabel('Hvor ofte').selectOption({ label: 'Hver 2. uge' });
    await form.getByLabel('Antal runder').selectOption('3');
    await form.getByRole('button', { name: 'Lav legegrupperne om' }).click();
    await form.getByText('Legegrupperne er lavet.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'play groups generated');

    const school = await mySchool(page);
    const path = new URL(page.url()).pathname;
    const classId = path.split('/')[4]!;
    const view = (await (
      await page.request.get(`/api/schools/${school.id}/classes/${classId}/play-groups`)
    ).json()) as ClassGroups;
    const coming = view.rounds.filter((r) => !r.past);
    expect(coming.map((r) => r.meetsOn)).toEqual([first, isoDaysFromNow(21), isoDaysFromNow(35)]);
    // Every child in one group a round, the groups within one child of three.
    for (const round of coming) {
      const sizes = round.groups.map((g) => g.children.length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(STUDENTS_PER_CLASS);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(sizes.every((n) => n >= 2 && n <= 4)).toBe(true);
    }
    const emmas = coming.flatMap((r) => r.groups.filter((g) => g.children.some((c) => c.name.startsWith('Emma L'))));
    const withEmma = new Set(emmas.flatMap((g) => g.children.map((c) => c.name)));
    strangers = [...new Set(coming.flatMap((r) => r.groups.flatMap((g) => g.children.map((c) => c.name))))].filter(
      (name) => !withEmma.has(name),
    );
    expect(strangers.length).toBeGreaterThan(0);
  });

  it("the guardian sees only Emma's own group and declines hosting (English, phone)", async () => {
    const page = await suite.page();
    await signIn(page, DEMO.guardian);
    await chooseEnglish(page);
    const card = page.getByTestId('child-play-group');
    await card.getByRole('heading', { name: 'Play group' }).waitFor();
    await card.getByText('Emma is with', { exact: false }).waitFor();
    const text = (await card.textContent()) ?? '';
    for (const name of strangers) expect(text).not.toContain(name);
    expect(text).not.toMatch(/Group \d/);
    await expectNoAxeViolations(page, 'play group on the child card (phone, English)');

    await card.getByRole('button', { name: 'We cannot host' }).click();
    await card.getByText('You have said no to hosting.', { exact: false }).waitFor();
    // The button stays disabled until both children's groups have reloaded; focus it once it is enabled.
    const offer = card.getByRole('button', { name: 'We would like to host again', disabled: false });
    await offer.waitFor();
    await offer.focus();
    await page.keyboard.press('Enter');
    await card.getByRole('button', { name: 'We cannot host', disabled: false }).waitFor();
    await expectNoAxeViolations(page, 'play group hosting (phone, English)');
  });
});
