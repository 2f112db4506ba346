import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type {
  TInformationRequest,
  TInformationRequestList,
  TOwnInformationRequest,
  TOwnInformationRequestList,
} from '../../shared/api/information-request.schema.js';
import type { TAuditPage } from '../../shared/api/audit.schema.js';

describe('information requests (forældreansvarsloven § 23)', () => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  const ask = (actor: ActorName, message: string, studentId = f.ownStudent) =>
    t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/students/${studentId}/information-requests`,
      as: f.users[actor],
      payload: { message },
    });
  const list = (actor: ActorName, query = '') =>
    t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/information-requests${query}`, as: f.users[actor] });
  const answer = (actor: ActorName, requestId: string, body: Record<string, string>, schoolId = f.schoolId) =>
    t.request({
      method: 'POST',
      url: `/api/schools/${schoolId}/information-requests/${requestId}/answer`,
      as: f.users[actor],
      payload: body,
    });
  const mine = (actor: ActorName) =>
    t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/information-requests/mine`, as: f.users[actor] });

  let asked: TOwnInformationRequest;

  it('lets the parent with the right to information ask about their child', async () => {
    const res = await ask('informationRightParent', '  Hvordan går det med Emmas læsning?  ');
    expect(res.statusCode).toBe(201);
    asked = res.json();
    expect(asked).toEqual({
      id: expect.any(String),
      student: { id: f.ownStudent, name: 'Emma Hansen' },
      status: 'open',
      message: 'Hvordan går det med Emmas læsning?',
      createdAt: t.clock.now().toISOString(),
      handledAt: null,
      handledBy: null,
      response: null,
    });
    const row = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'information-request.create')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ student_id: f.ownStudent, actor_role: 'information_right_parent' });
  });

  it('tells a custody holder that they need no request', async () => {
    const res = await ask('custodyGuardian', 'Hej');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('information_request_not_needed');
  });

  it('refuses the suspended guardian, another family, staff and another school', async () => {
    for (const actor of [
      'suspendedGuardian',
      'otherFamilyGuardian',
      'contactTeacher',
      'leader',
      'boardMember',
      'otherSchoolLeader',
    ] as const) {
      expect((await ask(actor, 'Hej')).statusCode, actor).toBe(403);
    }
    // The § 23 parent has no right about a child that is not theirs.
    expect((await ask('informationRightParent', 'Hej', f.otherStudent)).statusCode).toBe(403);
  });

  it('refuses an empty question', async () => {
    const res = await ask('informationRightParent', '   ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('message');
  });

  it("lists the requests to the child's contact teacher and the leadership, not to another class's teacher", async () => {
    const teacher = await list('contactTeacher', '?status=open');
    expect(teacher.statusCode).toBe(200);
    const requests = (teacher.json() as TInformationRequestList).requests;
    expect(requests.map((r) => r.message)).toEqual([
      'Hvordan trives Emma i klassen?',
      'Hvordan går det med Emmas læsning?',
    ]);
    expect(requests[0]).toMatchObject({
      student: { id: f.ownStudent, name: 'Emma Hansen', class: { id: f.classA, name: '3.A', grade: 3 } },
      requester: { name: 'Lars Hansen' },
    });
    expect(((await list('leader')).json() as TInformationRequestList).requests.length).toBe(2);
    const other = await list('otherClassTeacher');
    expect(other.statusCode).toBe(200);
    expect((other.json() as TInformationRequestList).requests).toEqual([]);
  });

  it('refuses the list to guardians, the board and a teacher who is no contact teacher', async () => {
    for (const actor of ['custodyGuardian', 'informationRightParent', 'boardMember', 'student'] as const) {
      expect((await list(actor)).statusCode, actor).toBe(403);
    }
  });

  it("refuses another class's teacher the answer, as if the request did not exist", async () => {
    const res = await answer('otherClassTeacher', asked.id, { response: 'Fint', status: 'answered' });
    expect(res.statusCode).toBe(404);
  });

  it('lets the contact teacher answer, logs the disclosure, and refuses a second answer', async () => {
    const res = await answer('contactTeacher', asked.id, {
      response: 'Emma læser flydende og er glad for dansk.',
      status: 'answered',
    });
    expect(res.statusCode).toBe(200);
    const answered = res.json() as TInformationRequest;
    expect(answered).toMatchObject({
      id: asked.id,
      status: 'answered',
      response: 'Emma læser flydende og er glad for dansk.',
      handledAt: t.clock.now().toISOString(),
      handledBy: { name: 'Birgitte Lund' },
    });

    const rows = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'information-request.answer')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      student_id: f.ownStudent,
      actor_name: 'contactTeacher',
      actor_role: 'contact_teacher',
      subject: 'answered',
      school_id: f.schoolId,
    });
    // The log says that something was disclosed, never what.
    expect(rows[0]?.subject).not.toContain('Emma');

    const again = await answer('leader', asked.id, { response: 'Også fra mig', status: 'answered' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('information_request_handled');
  });

  it('shows the parent their requests with the answer', async () => {
    const res = await mine('informationRightParent');
    expect(res.statusCode).toBe(200);
    const requests = (res.json() as TOwnInformationRequestList).requests;
    expect(requests.map((r) => [r.message, r.status, r.response, r.handledBy?.name ?? null])).toEqual([
      ['Hvordan går det med Emmas læsning?', 'answered', 'Emma læser flydende og er glad for dansk.', 'Birgitte Lund'],
      ['Hvordan trives Emma i klassen?', 'open', null, null],
    ]);
  });

  it('shows the open list without the answered request, and the answered list with it', async () => {
    expect(
      ((await list('leader', '?status=open')).json() as TInformationRequestList).requests.map((r) => r.id),
    ).toEqual([f.informationRequest]);
    expect(
      ((await list('leader', '?status=answered')).json() as TInformationRequestList).requests.map((r) => r.id),
    ).toEqual([asked.id]);
  });

  it('lets the leadership decline with a reason', async () => {
    const res = await answer('administrator', f.informationRequest, {
      response: 'Skolen kan ikke svare på dette; kontakt skolelederen.',
      status: 'declined',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', handledBy: { name: 'Ole Kontor' } });
  });

  it('refuses an answer without a response or with an unknown status', async () => {
    const created = (await ask('informationRightParent', 'Endnu et spørgsmål')).json() as TOwnInformationRequest;
    expect((await answer('leader', created.id, { response: '', status: 'answered' })).statusCode).toBe(400);
    expect((await answer('leader', created.id, { response: 'Svar', status: 'open' })).statusCode).toBe(400);
  });

  it('lets the custody holder see in the audit log that information was given', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/students/${f.ownStudent}/audit-log?limit=200`,
      as: f.users.custodyGuardian,
    });
    const entries = (res.json() as TAuditPage).entries;
    expect(
      entries
        .filter((e) => e.action === 'information-request.answer')
        .map((e) => [e.actor.name, e.actor.role, e.subject]),
    ).toEqual([
      ['administrator', 'administrator', 'declined'],
      ['contactTeacher', 'contact_teacher', 'answered'],
    ]);
  });

  it('shows "mine" to parents with the right to information only, and never across schools', async () => {
    for (const actor of ['custodyGuardian', 'suspendedGuardian', 'contactTeacher', 'otherSchoolLeader'] as const) {
      expect((await mine(actor)).statusCode, actor).toBe(403);
    }
    const elsewhere = await answer(
      'otherSchoolLeader',
      f.informationRequest,
      { response: 'x', status: 'answered' },
      f.otherSchoolId,
    );
    expect(elsewhere.statusCode).toBe(404);
  });

  it('takes the answers away when the right to information is suspended', async () => {
    await t.deps.db
      .updateTable('people')
      .set({ suspended: true })
      .where('id', '=', f.people.informationRightParent!)
      .execute();
    try {
      expect((await mine('informationRightParent')).statusCode).toBe(403);
    } finally {
      await t.deps.db
        .updateTable('people')
        .set({ suspended: false })
        .where('id', '=', f.people.informationRightParent!)
        .execute();
    }
  });
});
