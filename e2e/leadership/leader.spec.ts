import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

/** A file with three kinds of mistake, on known lines (line 1 is the header). */
const BAD_CSV = [
  'type;id;grade;letter;given_name;family_name;class;email',
  'class;9Z;12;Z;;;;',
  'student;e9001;;;Ida;;3A;',
  'guardian;f9001;;;Ole;Olsen;;ikke-en-adresse',
].join('\r\n');

describe('the school leader', () => {
  it('sees the school overview, the open requests and the way to every leadership page', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.leader);
    await settled(page);
    const overview = page.getByRole('region', { name: 'Skolen i tal' });
    await overview.getByText('Elever', { exact: true }).first().waitFor();
    await overview.getByRole('table', { name: 'Klasser' }).getByRole('link', { name: '3.A' }).waitFor();
    for (const name of [
      'Princip for skole-hjem-samarbejdet',
      'Importér elever, forældre og personale',
      'Søg i logbogen over opslag',
      'Besvar anmodninger om oplysninger',
    ]) {
      await page.getByRole('link', { name }).first().waitFor();
    }
    // The principle's figures: the promise and how well the school keeps it this school year.
    const figures = page.getByRole('region', { name: 'Sådan holder skolen sit princip' });
    await figures.getByText('Princippet lover svar senest 3 arbejdsdage efter en forælders besked.').waitFor();
    await expect
      .poll(() => figures.locator('.figure__label').first().textContent())
      .toMatch(/^svar inden for løftet \(\d+ af \d+\)$/);
    expect(await figures.locator('.figure__value').first().textContent()).toMatch(/^\d+\s?%$/);
    await figures.getByRole('table', { name: 'Måned for måned' }).waitFor();
    // Class by class behind a disclosure, so the home stays short.
    await figures.locator('summary', { hasText: 'Klasse for klasse' }).click();
    await figures.getByRole('table', { name: 'Klasse for klasse' }).getByRole('link', { name: '3.A' }).waitFor();
    // The homes the collaboration reaches, and whom it reaches less: by language, one home or two.
    await figures.getByRole('heading', { name: 'Hjem, samarbejdet når' }).waitFor();
    await expect.poll(() => figures.getByText(/^\d+ af \d+ hjem nået i skoleåret$/).count()).toBe(1);
    const equity = figures.getByRole('table', { name: 'Hvem når vi? Hjem efter sprog, og børn med ét eller to hjem' });
    expect(await equity.getByRole('rowheader').allTextContents()).toEqual([
      'Hjem, der læser dansk',
      'Hjem med et andet sprog',
      'Hjem til børn med ét hjem',
      'Hjem til børn med to hjem',
    ]);
    await expectNoAxeViolations(page, '/ (leader)');

    await page.getByRole('link', { name: 'Besvar anmodninger om oplysninger' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Anmodninger om oplysninger');
    await expectNoAxeViolations(page, 'information requests');
  });

  it('reads the adopted principle, edits a draft and records the board adoption', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.leader);
    const school = await mySchool(page);

    await visit(page, `/schools/${school.id}/principle`);
    await page.getByText(/Version 2, vedtaget 18. juni .* af Skolebestyrelsen/).waitFor();
    await page.getByRole('heading', { name: 'Det lover skolen' }).waitFor();
    await page
      .getByText(/på beskeder fra forældre senest 3 arbejdsdage/)
      .first()
      .waitFor();

    await page.getByRole('link', { name: 'Udkast til ny version' }).click();
    await settled(page);
    await page.getByRole('heading', { name: 'Start et udkast' }).waitFor();
    await expectNoAxeViolations(page, 'principle draft (start)');
    await page.getByRole('button', { name: 'Opret udkast' }).click();

    const replyDays = page.getByLabel('Svar senest efter (arbejdsdage)');
    await replyDays.waitFor();
    expect(await replyDays.inputValue()).toBe('3');
    await expectNoAxeViolations(page, 'principle draft (editor)');

    // A number outside the shared model's bounds is caught before anything is sent.
    await replyDays.fill('0');
    await page.getByRole('button', { name: 'Gem udkastet' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'skal rettes' });
    await summary.waitFor();
    await expect.poll(() => replyDays.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Tallet skal være mindst 1.').first().waitFor();
    await expectNoAxeViolations(page, 'principle draft (with errors)');

    await replyDays.fill('2');
    await page.getByText('Du har ændringer, der ikke er gemt.').waitFor();

    // The demo board lets students write from 4th grade; the new version says from 5th.
    expect(await page.getByLabel('Eleverne skriver selv til deres kontaktlærer').isChecked()).toBe(true);
    const fromGrade = page.locator('#f-communication-studentMessages-fromGrade');
    expect(await fromGrade.inputValue()).toBe('4');
    await fromGrade.fill('5');

    // Grade bands are a list: a band added with its button is checked with the rest, and removed again.
    const classUpdates = page.getByRole('group', { name: 'Årgange og hyppighed' });
    const bands = await classUpdates.locator('li.band').count();
    await classUpdates.getByRole('button', { name: 'Tilføj en gruppe af årgange' }).click();
    await expect.poll(() => classUpdates.locator('li.band').count()).toBe(bands + 1);
    // A new band starts at grade 0, below the bands before it.
    await page.getByRole('button', { name: 'Gem udkastet' }).click();
    await classUpdates.getByText('Grupperne skal gå opad og må ikke overlappe hinanden.').waitFor();
    await classUpdates.getByRole('button', { name: `Fjern gruppe ${bands + 1}` }).click();
    await expect.poll(() => classUpdates.locator('li.band').count()).toBe(bands);

    // The board also takes on the first of the municipality's five aspects, with a point of its own.
    const communication = page.getByRole('region', { name: 'Kommunikation' });
    await communication.getByLabel('Skolen arbejder efter dette aspekt').check();
    const meansThat = communication.getByRole('group', { name: 'Det betyder, at' });
    const points = await meansThat.locator('li.statement').count();
    await meansThat.getByRole('button', { name: 'Tilføj et punkt' }).click();
    await meansThat.getByLabel(`Punkt ${points + 1} (dansk)`).fill('Vi ringer, når en besked ikke slår til.');
    await page.getByRole('button', { name: 'Gem udkastet' }).click();
    await page.getByText('Udkastet er gemt.').waitFor();
    expect(await page.getByText('Du har ændringer, der ikke er gemt.').count()).toBe(0);

    await page.getByLabel('Vedtaget den').fill('2026-11-20');
    await page.getByLabel('Vedtaget af').fill('Skolebestyrelsen, møde 20. november 2026');
    await page.getByRole('button', { name: 'Registrér vedtagelsen' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/principle/versions'));
    await settled(page);
    const newest = page.locator('li.card').first();
    await newest.getByRole('heading', { name: 'Version 3 Gældende' }).waitFor();
    await newest.getByText('Vedtaget 20. november 2026 af Skolebestyrelsen, møde 20. november 2026').waitFor();
    await newest.getByText('Svar senest 2 arbejdsdage').waitFor();
    await page.locator('li.card').nth(1).getByRole('heading', { name: 'Version 2 Erstattet' }).waitFor();
    await expectNoAxeViolations(page, 'principle versions');

    // The public page follows the adopted version, with the aspect and its indicators.
    await visit(page, `/p/${school.slug}`);
    await page
      .getByText(/senest 2 arbejdsdage/)
      .first()
      .waitFor();
    await page.getByText('Fra 5. klasse kan eleven selv skrive til sin kontaktlærer').first().waitFor();
    await page.getByRole('heading', { name: 'Fem aspekter af et godt samarbejde' }).waitFor();
    const aspect = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Kommunikation' }) });
    await aspect.getByText('Det kan vi se, når').waitFor();
    expect(await aspect.locator('li').count()).toBeGreaterThan(2);
    await aspect.getByText('Vi ringer, når en besked ikke slår til.').waitFor();
  });

  it('checks an import file and lists its errors by line before anything is changed', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.leader);
    const school = await mySchool(page);
    await visit(page, `/schools/${school.id}/import`);

    await page
      .getByLabel('CSV-fil')
      .setInputFiles({ name: 'elever.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV, 'utf8') });
    await page.getByRole('button', { name: 'Tjek filen' }).click();
    const issues = page.getByRole('table', { name: /fejl i filen/ });
    await issues.waitFor();
    const lines = await issues.locator('tbody tr td:first-child').allTextContents();
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines).toEqual(expect.arrayContaining(['2', '3', '4']));
    await page.getByText(/Filen blev ikke importeret/).waitFor();
    expect(await page.getByRole('button', { name: /^Importér / }).count()).toBe(0);
    await expectNoAxeViolations(page, 'import (errors)');
  });

  it('searches the audit log by actor and action', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.leader);
    const school = await mySchool(page);
    // Reading a class's students writes audit rows to find.
    await page.getByRole('link', { name: '3.A', exact: true }).first().click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Klasse 3.A');
    await expectNoAxeViolations(page, 'class 3.A (leader)');
    await visit(page, `/schools/${school.id}/audit-log`);
    await page.getByLabel('Hvem').fill('Hanne');
    await page.getByLabel('Hvad').selectOption({ label: 'Opslag på klasser' });
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('actor') === 'Hanne' && url.searchParams.get('action') === 'class',
    );
    await settled(page);
    // One view of the class is one line, naming how many children it showed.
    const rows = page.getByRole('table', { name: 'Resultater' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(['Hanne Skovgaard (skoleleder)']);
    const action = rows.locator('td:nth-child(3)');
    expect(await action.locator('.cell-note').allTextContents()).toEqual(['klasse 3.A', '22 elever']);
    expect(await action.textContent()).toMatch(/^Så klassens elevliste/);
    expect(await rows.locator('td:nth-child(4)').allTextContents()).toEqual(['–']);
    await expectNoAxeViolations(page, 'audit log search');
  });
});
