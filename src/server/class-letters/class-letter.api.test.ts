import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { JOB_HANDLERS } from '../jobs/job-handlers.js';
import { handleDigestEmail } from '../notifications/message-notification.service.js';
import type { TClassLetter, TClassLetterList, TClassLettersDue } from '../../shared/api/class-letter.schema.js';

/**
 * Class letters (issue 12, point 1) on the fixture school: 3.A's contact teacher writes a weekly
 * letter with an image and schedules it; the job publishes it at its time and tells the class's
 * custody holders; their opening counts as read for the household. Hostile rich text is made
 * inert on the server; a teacher of another class is told the class does not exist.
 */
describe('class letters', () => {
  let t: TestApp;
  let f: Fixture;
  let image: string;
  const call = (actor: ActorName, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown, headers = {}) =>
    t.request({
      method,
      url: path.startsWith('/api/') ? path : `/api/schools/${f.schoolId}${path}`,
      as: f.users[actor],
      headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const letters = () => `/classes/${f.classA}/letters`;
  const count = async (table: 'class_letters' | 'notifications') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const runAll = async () => {
    for (let n = await runDueJobs(t.deps, JOB_HANDLERS); n > 0; n = await runDueJobs(t.deps, JOB_HANDLERS));
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
    // An image the contact teacher has uploaded for the letter (the upload itself is attachments' to test).
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    image = (
      await t.deps.db
        .insertInto('attachments')
        .values({
          school_id: f.schoolId,
          uploaded_by: f.people.contactTeacher!,
          message_id: null,
          content_type: 'image/png',
          file_name: 'tur.png',
          size: png.length,
          sha256: createHash('sha256').update(png).digest('hex'),
          content: png,
          created_at: TEST_NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it('keeps a draft once, however often the button is pressed', async () => {
    const body = { title: 'Ugebrev uge 48', bodyHtml: '<p>Kladde</p>', publish: 'draft' };
    const key = { 'idempotency-key': 'letter-1' };
    const first = await call('contactTeacher', 'POST', letters(), body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await call('contactTeacher', 'POST', letters(), body, key);
    expect(again.json<TClassLetter>().id).toBe(first.json<TClassLetter>().id);
    expect(first.json()).toMatchObject({ status: 'draft', mayEdit: true, publishedAt: null });
    // A draft is the staff's: the home does not see it.
    const home = await call('custodyGuardian', 'GET', `/class-letters/${first.json<TClassLetter>().id}`);
    expect(home.statusCode).toBe(404);
  });

  it('stores hostile rich text inert, and refuses a letter with nothing left, nothing stored', async () => {
    const before = await count('class_letters');
    const res = await call('contactTeacher', 'POST', letters(), {
      title: 'Hilsen',
      bodyHtml:
        '<p onmouseover="alert(1)">Hej<script>alert(2)</script></p><img src=x onerror="alert(3)"><a href="javascript:alert(4)">klik</a>',
      publish: 'draft',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TClassLetter>().bodyHtml).toBe('<p>Hej</p>klik');
    expect(res.body).not.toMatch(/script|onerror|onmouseover|javascript|alert/i);
    const stored = await t.deps.db
      .selectFrom('class_letters')
      .select('body_html')
      .where('id', '=', res.json<TClassLetter>().id)
      .executeTakeFirstOrThrow();
    expect(stored.body_html).toBe('<p>Hej</p>klik');

    const empty = await call('contactTeacher', 'POST', letters(), {
      title: 'Tom',
      bodyHtml: '<script>alert(1)</script>',
      publish: 'now',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'class_letter_body_empty', field: 'bodyHtml' } });
    expect(empty.json().error.message).toMatch(/ingen tekst tilbage/);
    expect(await count('class_letters')).toBe(before + 1);
  });

  it('answers a teacher of another class and a guardian as for a class that does not exist', async () => {
    const body = { title: 'Ugebrev', bodyHtml: '<p>Hej</p>', publish: 'now' };
    const other = await call('otherClassTeacher', 'POST', letters(), body);
    const guardian = await call('custodyGuardian', 'POST', letters(), body);
    const unknown = await call('contactTeacher', 'POST', `/classes/${crypto.randomUUID()}/letters`, body);
    expect([other.statusCode, guardian.statusCode, unknown.statusCode]).toEqual([404, 404, 404]);
    expect(other.json().error.code).toBe(unknown.json().error.code);
  });

  it('refuses a time in the past, and a scheduled letter without a time', async () => {
    const past = await call('contactTeacher', 'POST', letters(), {
      title: 'For sent',
      bodyHtml: '<p>Hej</p>',
      publish: 'scheduled',
      publishAt: new Date(TEST_NOW.getTime() - 60_000).toISOString(),
    });
    expect(past.json()).toMatchObject({ error: { code: 'class_letter_publish_at_past', field: 'publishAt' } });
    const none = await call('contactTeacher', 'POST', letters(), {
      title: 'x',
      bodyHtml: '<p>x</p>',
      publish: 'scheduled',
    });
    expect(none.json().error.code).toBe('class_letter_publish_at_required');
  });

  let scheduled: TClassLetter;

  it('schedules a letter with an image; the job publishes it at its time and tells the custody holders', async () => {
    const publishAt = new Date(TEST_NOW.getTime() + 24 * 3_600_000); // Tuesday 24 November, 10:00
    const res = await call('contactTeacher', 'POST', letters(), {
      title: 'Ugebrev uge 48',
      bodyHtml: `<h2>Tur til skoven</h2><p>Se billedet.</p><img src="/api/attachments/${image}" alt="Klassen i skoven">`,
      attachmentIds: [image],
      publish: 'scheduled',
      publishAt: publishAt.toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    scheduled = res.json();
    expect(scheduled).toMatchObject({ status: 'scheduled', publishAt: publishAt.toISOString(), mayEdit: true });
    expect(scheduled.attachments).toEqual([expect.objectContaining({ id: image, inText: true })]);
    // Before its time: not the home's to read, its image neither.
    expect((await call('custodyGuardian', 'GET', `/class-letters/${scheduled.id}`)).statusCode).toBe(404);
    expect((await call('custodyGuardian', 'GET', `/api/attachments/${image}`)).statusCode).toBe(404);

    const notices = await count('notifications');
    await runAll();
    expect((await call('custodyGuardian', 'GET', `/class-letters/${scheduled.id}`)).statusCode).toBe(404);
    t.clock.set(new Date(publishAt.getTime() + 1000));
    await runAll();
    const told = await t.deps.db
      .selectFrom('notifications')
      .select('person_id')
      .where('kind', '=', 'class-letter')
      .execute();
    // Emma's custody holders (Mette, and the protected guardian); not the § 23 parent, not the suspended one.
    expect(told.map((n) => n.person_id).sort()).toEqual(
      [f.people.custodyGuardian!, f.people.protectedGuardian!].sort(),
    );
    expect(await count('notifications')).toBe(notices + 2);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'class-letter.publish')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('puts the new letter in the digest of a home that has not opened it yet, named as a letter from 3.A', async () => {
    const since = TEST_NOW.toISOString();
    const until = t.clock.now().toISOString();
    // Sara reads Samspil in English.
    await t.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', f.users.protectedGuardian!).execute();
    for (const personId of [f.people.custodyGuardian!, f.people.protectedGuardian!]) {
      await handleDigestEmail(t.deps, {
        id: crypto.randomUUID(),
        kind: 'digest-email',
        schoolId: f.schoolId,
        payload: { personId, since, until },
        attempts: 1,
      });
    }
    const mails = await t.deps.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body', 'html_body'])
      .orderBy('to_address')
      .execute();
    const url = `http://localhost:3000/schools/${f.schoolId}/class-letters/${scheduled.id}`;
    const da = mails.find((m) => m.to_address === 'custodyguardian@fixture.samspil.dk')!;
    expect(da.subject).toBe('Dagens oversigt: 1 nyt ugebrev fra 3.A');
    expect(da.text_body).toContain(
      `Du har 1 nyt ugebrev fra 3.A i Samspil, som du ikke har læst endnu:\n\n- Ugebrev uge 48 — fra 3.A\n  ${url}\n`,
    );
    // A letter to the class is not a message to her.
    expect(da.text_body).not.toMatch(/ny besked|nye beskeder|ulæst/);
    expect(da.html_body).toContain(`<a href="${url}" style="color:#1d4ed8">Ugebrev uge 48 — fra 3.A</a>`);
    expect(da.html_body).toContain('Du har 1 nyt ugebrev fra 3.A i Samspil');
    const en = mails.find((m) => m.to_address === 'protectedguardian@fixture.samspil.dk')!;
    expect(en.subject).toBe("Today's summary: 1 new class letter from 3.A");
    expect(en.text_body).toContain('You have 1 new class letter from 3.A in Samspil that you have not read yet:');
    expect(en.text_body).not.toMatch(/new message|unread message/);
    expect(en.html_body).toContain(`>Ugebrev uge 48 — from 3.A</a>`);
  });

  it("lets the home read it once published, with its image, and counts the household's reading", async () => {
    const read = await call('custodyGuardian', 'GET', `/class-letters/${scheduled.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ status: 'published', reads: null, mayEdit: false });
    expect(read.json<TClassLetter>().readAt).not.toBeNull();
    expect((await call('custodyGuardian', 'GET', `/api/attachments/${image}`)).statusCode).toBe(200);
    expect((await call('otherFamilyGuardian', 'GET', `/api/attachments/${image}`)).statusCode).toBe(404);
    expect((await call('informationRightParent', 'GET', `/class-letters/${scheduled.id}`)).statusCode).toBe(404);

    const staff = await call('contactTeacher', 'GET', `/class-letters/${scheduled.id}`);
    expect(staff.json<TClassLetter>().reads).toEqual({ households: expect.any(Number), read: 1 });
    expect(staff.json<TClassLetter>().reads!.households).toBeGreaterThanOrEqual(1);

    const list = await call('custodyGuardian', 'GET', letters());
    expect(list.json<TClassLetterList>().letters.every((l) => l.status === 'published')).toBe(true);
    expect(list.json<TClassLetterList>()).toMatchObject({ mayWrite: false, cadence: null });
  });

  it('refuses to change or cancel a published letter, and cancels a scheduled one before its time', async () => {
    const change = await call('contactTeacher', 'PUT', `/class-letters/${scheduled.id}`, {
      title: 'Rettet',
      bodyHtml: '<p>Rettet</p>',
      publish: 'draft',
    });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe('class_letter_published');

    const later = new Date(t.clock.now().getTime() + 3_600_000);
    const next = (
      await call('contactTeacher', 'POST', letters(), {
        title: 'Aflyses',
        bodyHtml: '<p>Hej</p>',
        publish: 'scheduled',
        publishAt: later.toISOString(),
      })
    ).json<TClassLetter>();
    const cancelled = await call('contactTeacher', 'POST', `/class-letters/${next.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', mayEdit: false });
    t.clock.set(new Date(later.getTime() + 1000));
    await runAll();
    const row = await t.deps.db
      .selectFrom('class_letters')
      .select('status')
      .where('id', '=', next.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
  });

  it("shows the contact teacher when 3.A's next weekly letter is due, and the leader every class", async () => {
    const mine = (await call('contactTeacher', 'GET', '/class-letters/due')).json<TClassLettersDue>();
    expect(mine.classes.map((c) => c.class.name)).toEqual(['3.A']);
    // Tuesday 24 November: this week has its letter, so the next is due Friday 4 December.
    expect(mine.classes[0]!.cadence).toEqual({
      cadence: 'weekly',
      dueOn: '2026-12-04',
      thisPeriodDone: true,
      missedInARow: expect.any(Number),
    });
    const all = (await call('leader', 'GET', '/class-letters/due')).json<TClassLettersDue>();
    expect(all.classes.map((c) => c.class.name)).toEqual(['3.A', '5.B']);
    expect(all.classes[1]!.cadence.cadence).toBe('fortnightly');
  });
});
