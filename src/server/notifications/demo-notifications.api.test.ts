import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { ensureDemoSchool } from '../demo/demo.service.js';
import { DEMO_ACCOUNTS } from '../demo/demo-directory.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import type { TNotificationList, TNotificationSettingsList } from '../../shared/api/notification.schema.js';

describe('the demo school’s notifications', () => {
  let t: TestApp;
  const as = async (email: string) =>
    (await t.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await startTestApp();
    await ensureDemoSchool(t.deps.db, { now: TEST_NOW });
    // What `samspil serve` does first: the demo's messages were queued for announcement as they were stored.
    while ((await runDueJobs(t.deps, JOB_HANDLERS)) > 0);
  });
  afterAll(() => t.close());

  it('gives the demo guardian and contact teacher a few notifications, none about what they already read', async () => {
    const guardian = (
      await t.request({ method: 'GET', url: '/api/notifications', as: await as(DEMO_ACCOUNTS.guardian) })
    ).json() as TNotificationList;
    expect(guardian.notifications.map((n) => n.title).sort()).toEqual([
      'Haster: Skoldkopper i 3.A',
      // The autumn parent meeting's invitation and minutes, and the winter meeting's invitation.
      'Invitation til forældremøde i 3.A',
      'Invitation til forældremøde i 3.A',
      'Invitation til skole-hjem-samtale om Emma',
      'Invitation til skole-hjem-samtale om Oscar',
      'Ny besked: Emmas læsebog',
      'Ny besked: Juleafslutning i kirken 18. december',
      // A class parent representative's message to 3.A's parents.
      'Ny besked: Legegrupper i 3.A efter efterårsferien',
      'Ny besked: Tur til Økolariet fredag',
      'Referat af forældremødet i 3.A',
      'Testresultat for Emma: Matematik',
      'Testresultat for Oscar: Dansk, læseforståelse',
    ]);
    // Emma's invitation was opened when her time was booked; Oscar's is new. Emma's test result
    // came yesterday; Oscar's was read when it came. The autumn parent meeting's invitation and
    // minutes were read long ago; the winter meeting's invitation and the representative's message are new.
    expect(guardian.unread).toBe(8);
    const teacher = (
      await t.request({ method: 'GET', url: '/api/notifications', as: await as(DEMO_ACCOUNTS.contactTeacher) })
    ).json() as TNotificationList;
    expect(teacher.notifications.map((n) => n.title)).toContain('Ny besked: Lektier i matematik');
    expect(teacher.notifications.map((n) => n.title)).not.toContain('Ny besked: Tandlæge torsdag');
  });

  it('keeps the demo guardian on the default daily digest', async () => {
    const settings = (
      await t.request({ method: 'GET', url: '/api/me/notification-settings', as: await as(DEMO_ACCOUNTS.guardian) })
    ).json() as TNotificationSettingsList;
    expect(settings.schools.map((s) => s.mode)).toEqual(['digest']);
  });
});
