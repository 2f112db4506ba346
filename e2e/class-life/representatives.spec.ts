import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { chooseEnglish, DEMO, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * Issue 12, point 4: 3.A's contact teacher records at the class page that the demo guardian
 * (Mette Lindholm) was elected class parent representative (Danish, desktop); Mette's home then
 * shows her class and the way to write to its parents, and she writes to them (English, phone);
 * the message names its readers only as "Parents in 3.A", and no address shows. Mette, a guardian
 * of 3.A herself, has also received the demo's message from another representative, and answers
 * it privately. Every page is checked by axe.
 */
describe('class parent representatives', () => {
  it('the contact teacher records the election on the class page (desktop, Danish)', async () => {
    const page = await suite.page(DESKTOP);
    await signIn(page, DEMO.contactTeacher);
    await page.getByRole('link', { name: 'Klasse 3.A' }).click();
    await settled(page);
    const section = page.getByRole('region', { name: 'Klasseforældreråd' });
    await section.getByRole('link', { name: 'Se og registrér klassens kontaktforældre' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Klasseforældreråd i 3.A');
    await expectNoAxeViolations(page, 'representatives, contact teacher');

    const form = page.getByRole('region', { name: 'Registrér valg af kontaktforælder' });
    // Without a person and a date nothing is recorded, and the fields say why.
    await form.getByRole('button', { name: 'Registrér valget' }).click();
    await form.getByText('Vælg den forælder, der blev valgt.').waitFor();
    await form.getByLabel('Hvem blev valgt?').selectOption({ label: 'Mette Lindholm' });
    await form.getByLabel('Valgdato').fill('2026-09-01');
    await form.getByRole('button', { name: 'Registrér valget' }).click();
    await form.getByText('Mette Lindholm er registreret som kontaktforælder.').waitFor();
    const list = page.getByRole('region', { name: /^Kontaktforældre \d{4}\/\d{2}$/ });
    await list.getByText('Mette Lindholm', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'representative recorded');
  });

  it('the representative writes to the class, and reads another representative’s message (phone, English)', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.guardian);
    await chooseEnglish(page);
    const home = page.getByRole('region', { name: 'You are a class parent representative' });
    await home.getByText(/Representative of 3\.A/).waitFor();
    await home.getByRole('link', { name: 'Write to the parents of 3.A' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Class parent representatives of 3.A');
    await expectNoAxeViolations(page, 'representatives, representative (phone, English)');

    const write = page.getByRole('region', { name: 'Write to the parents of 3.A' });
    await write.getByText('You do not see who receives the message', { exact: false }).waitFor();
    await write.getByLabel('Subject').fill('Cake for the Christmas party');
    await write.getByLabel('Message').fill('Dear parents, who can bring a cake on 18 December? Just answer me here.');
    await write.getByRole('button', { name: 'Send to the parents' }).click();
    await page.getByText('Dear parents, who can bring a cake on 18 December?').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cake for the Christmas party');
    await page.getByText('Parents in 3.A').first().waitFor();
    // No one's address or e-mail, and no other parent's name, is shown to the representative.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('@');
    await expectNoAxeViolations(page, 'representative message sent (phone, English)');

    // The demo's message from 3.A's other representative reached Mette as a guardian of the class.
    await page.goto('/messages');
    await settled(page);
    await page.getByRole('link', { name: /Legegrupper i 3\.A efter efterårsferien/ }).click();
    await settled(page);
    await page.getByText('Vi er klassens kontaktforældre i år.', { exact: false }).waitFor();
    expect((await page.locator('main').textContent()) ?? '').not.toContain('@');
    await expectNoAxeViolations(page, 'representative message received (phone, English)');
  });
});
