import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { findParent, signInWithLink } from '../support/demo-people.js';
import { DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

describe('each role sees its own school', () => {
  it("lets the contact teacher see 3.A's students, and the guardian then sees that read in the child's log", async () => {
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await settled(teacher);
    await expectNoAxeViolations(teacher, '/ (contact teacher)');
    await teacher.getByRole('link', { name: 'Klasse 3.A' }).click();
    await settled(teacher);
    await expect.poll(() => teacher.locator('h1').textContent()).toBe('Klasse 3.A');
    const students = teacher.locator('table tbody tr');
    await expect.poll(() => students.count()).toBe(22);
    await teacher.getByRole('link', { name: 'Emma Lindholm' }).waitFor();
    await expectNoAxeViolations(teacher, 'class 3.A');
    await teacher.getByRole('link', { name: 'Emma Lindholm' }).click();
    await settled(teacher);
    await expect.poll(() => teacher.locator('h1').textContent()).toBe('Emma Lindholm');
    await teacher.getByText('Mette Lindholm').waitFor();
    await expectNoAxeViolations(teacher, 'student Emma');

    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await guardian.getByRole('link', { name: 'Hvem har set oplysninger om Emma?' }).click();
    await settled(guardian);
    await expect.poll(() => guardian.locator('h1').textContent()).toBe('Hvem har set oplysninger om Emma?');
    await guardian.locator('tbody tr').filter({ hasText: 'Birgitte Lund (kontaktlærer)' }).first().waitFor();
    // The teacher's two looks at Emma's page on one day (demo data) are one line with a count;
    // the guardian's own visits are not in her child's log.
    await guardian.locator('tbody tr').filter({ hasText: '2 gange, første kl.' }).first().waitFor();
    expect(await guardian.locator('tbody tr').filter({ hasText: 'Mette Lindholm' }).count()).toBe(0);
    await expectNoAxeViolations(guardian, 'audit log of Emma');
  });

  it('shows the board member the principle and the figures, but no child', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.boardMember);
    await settled(page);
    const overview = page.getByRole('region', { name: 'Skolen i tal' });
    await overview.getByText('Elever', { exact: true }).first().waitFor();
    expect(await overview.getByText('Kræver opmærksomhed').count()).toBe(0);
    expect(await overview.getByRole('table', { name: 'Klasser' }).count()).toBe(0);
    // The board sees the principle's figures in aggregate: numbers, no way into a class or a child.
    const figures = page.getByRole('region', { name: 'Sådan holder skolen sit princip' });
    await expect.poll(() => figures.locator('.figure__value').first().textContent()).toMatch(/^\d+\s?%$/);
    await figures.getByRole('table', { name: 'Måned for måned' }).waitFor();
    expect(await figures.getByRole('link').count()).toBe(0);
    // The homes reached, as a share of the whole school's homes (far more than five).
    await expect.poll(() => figures.getByText(/^\d+ af \d+ hjem nået i skoleåret$/).count()).toBe(1);
    await expectNoAxeViolations(page, '/ (board member)');

    // Anne Holm is also Karla's parent; outside her own child, no student name appears.
    const text = (await page.locator('main').textContent()) ?? '';
    for (const name of ['Emma', 'Oscar', 'Lindholm']) expect(text).not.toContain(name);

    await page.getByRole('link', { name: 'Princip for skole-hjem-samarbejdet' }).first().click();
    await settled(page);
    await page.getByRole('heading', { name: 'Det lover skolen' }).waitFor();
    await expectNoAxeViolations(page, 'principle (board member)');
  });

  it('publishes the principle at /p/:slug for anyone, without signing in', async () => {
    const leader = await suite.page();
    await signIn(leader, DEMO.leader);
    const school = await mySchool(leader);

    const visitor = await suite.page();
    await visit(visitor, `/p/${school.slug}`);
    await expect
      .poll(() => visitor.locator('h1').textContent())
      .toBe(`${school.name}: princip for skole-hjem-samarbejdet`);
    await visitor.getByRole('heading', { name: 'Det lover skolen' }).waitFor();
    await visitor.getByText(/Version 2, vedtaget/).waitFor();
    await visitor.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => visitor.locator('h1').textContent())
      .toBe(`${school.name}: principle for school-home collaboration`);
    await expectNoAxeViolations(visitor, '/p/:slug (English)');
  });
});

describe('the law on parents without custody and suspended access', () => {
  it('lets a parent with the right to information ask for information, and shows the answer the leader gives', async () => {
    const leader = await suite.page();
    await signIn(leader, DEMO.leader);
    const parent = await findParent(leader, 'information_right');

    const page = await suite.page();
    await signInWithLink(page, parent.email);
    await settled(page);
    await expectNoAxeViolations(page, '/ (information-right parent)');
    const card = page.getByRole('article', { name: new RegExp(parent.child.givenName) });
    await card.getByText('Du har orienteringsret.', { exact: false }).waitFor();
    // § 23: nothing about the child is shown unasked, not even the contact teacher.
    expect(await card.getByText('Kontaktlærer').count()).toBe(0);
    await card.getByLabel(`Hvad vil du gerne vide om ${parent.child.givenName}?`).fill('Hvordan trives hun i klassen?');
    await card.getByRole('button', { name: 'Send anmodning' }).click();
    await card.getByText('Tak. Din anmodning er sendt til skolen.').waitFor();
    await card
      .getByRole('listitem')
      .filter({ hasText: 'Hvordan trives hun i klassen?' })
      .getByText('Skolen har ikke svaret endnu.')
      .waitFor();

    await leader.getByRole('link', { name: 'Besvar anmodninger om oplysninger' }).click();
    await settled(leader);
    const request = leader.getByRole('article').filter({ hasText: 'Hvordan trives hun i klassen?' });
    await request.getByLabel('Svar til forælderen').fill('Hun trives godt og har gode venner i klassen.');
    await request.getByRole('button', { name: 'Send svar' }).click();
    // The answered request leaves the list of open ones (the demo school has others waiting).
    await request.waitFor({ state: 'detached' });
    await expectNoAxeViolations(leader, 'information requests (answered)');

    await page.reload();
    await settled(page);
    await page.getByText('Hun trives godt og har gode venner i klassen.').waitFor();
    await page.getByText(/Svar fra Hanne Skovgaard/).waitFor();
    await expectNoAxeViolations(page, '/ (information-right parent, answered)');
  });

  it('shows a suspended parent a calm notice and no child', async () => {
    const leader = await suite.page();
    await signIn(leader, DEMO.leader);
    const parent = await findParent(leader, 'suspended');

    const page = await suite.page();
    await signInWithLink(page, parent.email);
    await settled(page);
    await page.getByText('Din adgang er sat på pause').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(parent.child.givenName);
    await expectNoAxeViolations(page, '/ (suspended parent)');
  });
});
