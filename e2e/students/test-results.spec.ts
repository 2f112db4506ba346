import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * Issue 11, point 3 (folkeskoleloven § 13): 3.A's contact teacher sees a result not yet sent on
 * her work list, records Emma's English test and sends it to the home; the demo guardian reads it
 * in writing on Emma's page (phone); the teacher then sees it read; Oscar (7.A) reads his own.
 * Every page is checked by axe.
 */
describe('a test result is told to the home in writing', () => {
  it('the contact teacher records a result and sends it to the home (desktop)', async () => {
    const page = await suite.page(DESKTOP);
    await signIn(page, DEMO.contactTeacher);
    const unsent = page.getByRole('region', { name: 'Testresultater, der ikke er sendt til hjemmet' });
    await unsent.getByText('Ikke sendt til hjemmet').first().waitFor();

    await page.getByRole('link', { name: 'Klasse 3.A' }).click();
    await settled(page);
    await page.getByRole('link', { name: 'Emma Lindholm' }).click();
    await settled(page);
    await page.getByRole('link', { name: 'Testresultater' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Testresultater for Emma Lindholm');
    await expectNoAxeViolations(page, 'test results, staff');

    const form = page.getByRole('region', { name: 'Registrér et testresultat' });
    // Without a test and a date nothing is recorded, and the fields say why.
    await form.getByRole('button', { name: 'Registrér resultatet' }).click();
    await form.getByText('Skriv, hvilken test det er.').waitFor();
    await form.getByText('Vælg den dag, eleven tog testen.').waitFor();
    await form.getByLabel('Slags test').selectOption({ label: 'Skolens egen test' });
    await form.getByLabel('Test', { exact: true }).fill('Engelsk, ordforråd');
    await form.getByLabel('Dato for testen').fill('2026-11-02');
    await form.getByLabel('Resultatet').fill('Emma kender de fleste ord fra årets tekster.');
    await form.getByLabel('Hvad det betyder').fill('Hun er godt med i engelsk.');
    await form.getByLabel('Det sker nu').fill('Vi læser en let engelsk bog sammen i klassen.');
    await form.getByRole('button', { name: 'Registrér resultatet' }).click();
    await form.getByText('Resultatet er registreret.', { exact: false }).waitFor();

    const card = page.getByTestId('test-result').filter({ hasText: 'Engelsk, ordforråd' });
    await card.getByText('Ikke sendt til hjemmet').waitFor();
    await card.getByRole('button', { name: 'Send skriftligt til hjemmet' }).click();
    await card.getByText('Sendt til hjemmet', { exact: false }).waitFor();
    await card.getByText('Mette Lindholm: ikke læst endnu').waitFor();
    await expectNoAxeViolations(page, 'test result sent');
  });

  it('the guardian reads it in writing, and the teacher sees it read (phone)', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await guardian.getByRole('link', { name: 'Emmas testresultater' }).click();
    await settled(guardian);
    await expect.poll(() => guardian.locator('h1').textContent()).toBe('Testresultater for Emma Lindholm');
    const card = guardian.getByTestId('test-result').filter({ hasText: 'Engelsk, ordforråd' });
    await card.getByText('Emma kender de fleste ord fra årets tekster.').waitFor();
    await card.getByText('Vi læser en let engelsk bog sammen i klassen.').waitFor();
    await card.getByText('Du læste det', { exact: false }).waitFor();
    expect(await guardian.getByRole('button', { name: 'Send skriftligt til hjemmet' }).count()).toBe(0);
    expect(await guardian.getByRole('region', { name: 'Registrér et testresultat' }).count()).toBe(0);
    await expectNoAxeViolations(guardian, 'test results, guardian (phone)');

    const teacher = await suite.page(DESKTOP);
    await signIn(teacher, DEMO.contactTeacher);
    await teacher.goto(new URL(guardian.url()).pathname);
    await settled(teacher);
    const seen = teacher.getByTestId('test-result').filter({ hasText: 'Engelsk, ordforråd' });
    await seen.getByText(/Mette Lindholm: læst /).waitFor();
  });

  it('a student in grade 7 reads their own results (phone)', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.student);
    await page.getByRole('link', { name: 'Dine testresultater' }).click();
    await settled(page);
    const card = page.getByTestId('test-result').filter({ hasText: 'Dansk, læseforståelse' });
    await card.getByText('Det sker nu').waitFor();
    expect(await card.getByText('Sendt til hjemmet', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(page, 'test results, student (phone)');
  });
});
