import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { createFixture, type Fixture } from '../testing/fixture.js';
import type { TNotificationList } from '../../shared/api/notification.schema.js';
import { insertNotifications } from './notification.repository.js';
import { notice } from './notice-text.js';

describe('notifications', () => {
  let t: TestApp;
  let f: Fixture;
  const list = async (as: string | null) =>
    (await t.request({ method: 'GET', url: '/api/notifications', as })).json() as TNotificationList;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await insertNotifications(t.deps.db, [
      {
        schoolId: f.schoolId,
        personId: f.people.contactTeacher!,
        kind: 'promise-reminder',
        threadId: f.thread,
        title: 'Husk at svare: Nyere',
        body: 'Svar senest torsdag 26. november.',
        createdAt: TEST_NOW,
      },
    ]);
  });
  afterAll(() => t.close());

  it('shows each person their own, newest first, with the unread count', async () => {
    const teacher = await list(f.users.contactTeacher);
    expect(teacher.notifications.map((n) => n.title)).toEqual([
      'Husk at svare: Nyere',
      'Husk at svare: Emmas madpakke',
    ]);
    expect(teacher.notifications[0]).toMatchObject({
      schoolId: f.schoolId,
      threadId: f.thread,
      kind: 'promise-reminder',
      readAt: null,
      createdAt: TEST_NOW.toISOString(),
    });
    expect(teacher.unread).toBe(2);
    expect(await list(f.users.leader)).toEqual({ notifications: [], unread: 0 });
  });

  it('marks one read once, and refuses another person’s as missing', async () => {
    const other = await t.request({
      method: 'POST',
      url: `/api/notifications/${f.notification}/read`,
      as: f.users.leader,
    });
    expect(other.statusCode).toBe(404);
    const read = await t.request({
      method: 'POST',
      url: `/api/notifications/${f.notification}/read`,
      as: f.users.contactTeacher,
    });
    expect(read.statusCode).toBe(200);
    const after = read.json() as TNotificationList;
    expect(after.unread).toBe(1);
    expect(after.notifications.find((n) => n.id === f.notification)?.readAt).toBe(TEST_NOW.toISOString());
    t.clock.advance(60_000);
    await t.request({ method: 'POST', url: `/api/notifications/${f.notification}/read`, as: f.users.contactTeacher });
    expect((await list(f.users.contactTeacher)).notifications.find((n) => n.id === f.notification)?.readAt).toBe(
      TEST_NOW.toISOString(),
    );
  });
});

describe('notifications in the reader’s language', () => {
  let t: TestApp;
  let f: Fixture;
  const list = async (lang: 'da' | 'en') =>
    (
      await t.request({
        method: 'GET',
        url: '/api/notifications',
        as: f.users.custodyGuardian,
        headers: { cookie: `samspil_lang=${lang}` },
      })
    ).json() as TNotificationList;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // Written when the guardian read Danish; kept with what it is about.
    await insertNotifications(t.deps.db, [
      {
        schoolId: f.schoolId,
        personId: f.people.custodyGuardian!,
        threadId: f.thread,
        createdAt: TEST_NOW,
        ...notice('message', { subject: 'Tur i skoven', sender: 'Birgitte Lund', urgent: true }, 'da'),
      },
      // An older row without parameters keeps the text it was written with.
      {
        schoolId: f.schoolId,
        personId: f.people.custodyGuardian!,
        kind: 'message',
        threadId: f.thread,
        title: 'Ny besked: Gammel',
        body: 'Fra Birgitte Lund',
        createdAt: new Date(TEST_NOW.getTime() - 60_000),
      },
    ]);
  });
  afterAll(() => t.close());

  it('writes each notification in the language the reader reads now', async () => {
    const english = await list('en');
    expect(english.notifications.map((n) => [n.title, n.body])).toEqual([
      ['Urgent: Tur i skoven', 'From Birgitte Lund'],
      ['Ny besked: Gammel', 'Fra Birgitte Lund'],
    ]);
    const danish = await list('da');
    expect(danish.notifications[0]).toMatchObject({ title: 'Haster: Tur i skoven', body: 'Fra Birgitte Lund' });
  });
});
