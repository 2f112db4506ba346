import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

describe('concerns and early dialogue', () => {
  it('a teacher registers a concern and records the call with the home in time; the leader sees the one overdue concern', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.contactTeacher);
    // The work list names the concern that waits for a call (the demo's, about a child of 3.A).
    const work = page.getByRole('region', { name: 'Det skal du svare på' });
    await work.getByRole('heading', { name: 'Bekymringer: kontakt hjemmet' }).waitFor();
    await work
      .getByText(/^Kontakt hjemmet senest /)
      .first()
      .waitFor();

    // From the class to a student, and to the student's concerns.
    await page.getByRole('link', { name: 'Klasse 3.A', exact: true }).click();
    await settled(page);
    await page.locator('main a[href*="/students/"]').nth(1).click();
    await settled(page);
    await page.getByRole('link', { name: 'Bekymringer og tidlig dialog' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Bekymringer om /);
    await page
      .getByText(/^Skolens princip: kontakt hjemmet pr\. telefon eller til et møde senest 2 arbejdsdage/)
      .waitFor();
    await expectNoAxeViolations(page, 'student concerns');

    // Short and factual; the kinds are the principle's.
    const text = 'Har grædt i frikvarteret tre dage i træk og vil ikke fortælle hvorfor.';
    await page.getByLabel('Hvad drejer bekymringen sig om?').selectOption({ label: 'Trivsel' });
    await page.getByLabel('Hvad har du set eller hørt?').fill(text);
    await page.getByRole('button', { name: 'Registrér bekymring' }).click();
    const card = page.locator('li.card', { hasText: text });
    await card.getByRole('heading', { name: 'Bekymring: Trivsel' }).waitFor();
    await card.getByText(/^Kontakt hjemmet senest /).waitFor();
    await expectNoAxeViolations(page, 'student concerns (registered)');

    // The call, recorded by keyboard: today (the form's day), by phone, with what was agreed.
    await card.getByLabel('pr. telefon').check();
    await card.getByLabel('Hvad blev aftalt?').fill('Mor taler med hende i aften; vi ringer sammen igen fredag.');
    await card.getByRole('button', { name: 'Registrér kontakt' }).focus();
    await page.keyboard.press('Enter');
    await card.getByText('Hjemmet er kontaktet').waitFor();
    await card.getByText(/^Talt med hjemmet pr\. telefon /).waitFor();
    await expectNoAxeViolations(page, 'student concerns (contacted)');

    // The leader's home lists the concerns past their deadline without a contact: the demo's one.
    const leader = await suite.page();
    await signIn(leader, DEMO.leader);
    const overdue = leader.getByRole('region', { name: 'Bekymringer uden kontakt til hjemmet' });
    await overdue.getByText(/^Fristen for kontakt til hjemmet var /).waitFor();
    expect(await overdue.locator('li.card').count()).toBe(1);
    await overdue.getByRole('link').first().click();
    await settled(leader);
    await expect.poll(() => leader.locator('h1').textContent()).toMatch(/^Bekymringer om /);
    await expectNoAxeViolations(leader, 'student concerns (leader)');
  });
});
