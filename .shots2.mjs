import { chromium } from 'playwright-core';
const base = 'http://localhost:4102';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const who of ['leder', 'bestyrelse']) {
  const context = await browser.newContext({ baseURL: base });
  await context.request.post('/api/auth/sign-in', { headers: { origin: base }, data: { email: `${who}@demo.samspil.dk`, password: 'samspil-demo' } });
  const me = await (await context.request.get('/api/me')).json();
  const f = await (await context.request.get(`/api/schools/${me.schools[0].id}/principle-figures`)).json();
  const c = f.conferences;
  console.log(who, JSON.stringify({ perYear: c.perYear, held: c.conferencesHeld.school, followed: c.agreementsFollowedUp.school, open: c.openAgreements, overdue: c.overdueAgreements, classes: c.conferencesHeld.classes.filter(x => x.cell === null || x.cell.counted > 0) }));
}
await browser.close();
