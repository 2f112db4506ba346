import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * Issue 11, points 1 and 6, on the demo school: 3.A's contact teacher finds Emma's plan on her
 * list of plans to send, finishes the draft and sends it home; the demo guardian reads it, confirms
 * "Vi har læst planen", and adds a topic for the winter conference with the plan in view.
 */
describe('a student plan goes home and is read before the conference', () => {
  it('the contact teacher finishes Emma’s draft and sends it home (desktop)', async () => {
    const page = await suite.page(DESKTOP);
    await signIn(page, DEMO.contactTeacher);
    const due = page.getByRole('region', { name: 'Elevplaner, der skal sendes' });
    await due.getByRole('link', { name: /^Emma Lindholm/ }).click();
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Elevplan for Emma Lindholm' }).waitFor();
    await expect.poll(() => page.getByText(/^Send senest /).textContent()).toMatch(/^Send senest \d+\. \w+ \d{4}/);

    const draft = page.getByRole('region', { name: 'Kladde til elevplanen' });
    const social = draft.getByRole('group', { name: 'Sociale mål' });
    await social.getByRole('button', { name: 'Tilføj et socialt mål' }).click();
    await social.getByLabel('Mål 1').fill('Emma spørger en ny, om de vil være med i legen');
    await social.getByLabel('Sådan støtter skolen').fill('Faste legegrupper i frikvarteret');
    await social.getByLabel('Sådan støtter hjemmet').fill('Invitere en klassekammerat hjem');
    await social.getByLabel('Sådan arbejder eleven selv med det').fill('Kigge efter en, der står alene');
    await draft.getByRole('button', { name: 'Gem kladden' }).click();
    await settled(page);
    await expectNoAxeViolations(page, 'student plan, draft (contact teacher)');
    await draft.getByRole('button', { name: 'Send planen hjem' }).click();
    await page.getByText(/^Sendt hjem /).waitFor();
    await page.getByRole('region', { name: 'Sociale mål' }).getByText('Emma spørger en ny').waitFor();
    // Sent once: the draft and its buttons are gone, and Emma is off the list of plans to send.
    expect(await page.getByRole('region', { name: 'Kladde til elevplanen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send planen hjem' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'student plan, sent home (contact teacher)');
  });

  it('the guardian reads it, confirms, and adds a topic for the conference with the plan in view (phone)', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.guardian);
    const emma = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Emma Lindholm' }) });
    await emma.getByRole('link', { name: 'Elevplan', exact: true }).click();
    await settled(page);
    await page
      .getByRole('region', { name: 'Faglige mål' })
      .getByText(/læser en kapitelbog selv/)
      .waitFor();
    await expectNoAxeViolations(page, 'student plan (guardian, phone)');
    await page.getByRole('button', { name: 'Vi har læst planen' }).click();
    await page.getByText('I har bekræftet, at I har læst planen.').waitFor();
    expect(await page.getByRole('button', { name: 'Vi har læst planen' }).count()).toBe(0);

    await page.goto('/');
    await settled(page);
    await emma.getByRole('link', { name: /^Forbered samtalen om Emma/ }).click();
    await settled(page);
    const plan = page.getByRole('region', { name: 'Elevplanen' });
    await plan.getByText('Emma spørger en ny, om de vil være med i legen').waitFor();
    const topics = page.getByRole('region', { name: 'Det vil vi tale om' });
    await topics.getByLabel('Nyt emne').fill('Hvordan vi hjælper Emma med at invitere nye med i legen');
    await topics.getByRole('button', { name: 'Tilføj emnet' }).click();
    await topics.getByRole('listitem').filter({ hasText: 'invitere nye med i legen' }).getByText('Dig').waitFor();
    await expect
      .poll(() => topics.getByRole('listitem').filter({ hasText: 'invitere nye med i legen' }).count())
      .toBe(1);
    await expectNoAxeViolations(page, 'conference with the student plan (guardian, phone)');
  });
});
