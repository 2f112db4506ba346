import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TCalendarFeed } from '../../shared/api/calendar.schema.js';

/** The private calendar feed (issue 10, point 6): `GET /api/me/calendar-feed` → `{ url }`, fetched without a cookie. */
describe('a private calendar feed', () => {
  let t: TestApp;
  let f: Fixture;
  const feedOf = async (actor: ActorName): Promise<TCalendarFeed> => {
    const res = await t.request({ method: 'GET', url: '/api/me/calendar-feed', as: f.users[actor] });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TCalendarFeed;
  };
  /** Fetches a feed's URL as a calendar app does: no cookie, only the path. */
  const fetchFeed = (url: string) => t.request({ method: 'GET', url: new URL(url).pathname });
  /** iCalendar folds lines over 75 octets; a reader unfolds them. */
  const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '');

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  it('gives the contact teacher a URL that answers text/calendar with their conference afternoons, without a cookie', async () => {
    const feed = await feedOf('contactTeacher');
    expect(feed.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await feedOf('contactTeacher')).url).toBe(feed.url);
    const res = await fetchFeed(feed.url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const body = unfolded(res.body);
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toContain('TZID:Europe/Copenhagen');
    // The fixture's round for 3.A: 15 December, 14:00–17:00 Copenhagen, still a draft.
    expect(body).toContain('DTSTART;TZID=Europe/Copenhagen:20261215T140000');
    expect(body).toContain('DTEND;TZID=Europe/Copenhagen:20261215T170000');
    expect(body).toContain(`UID:conference-round-${f.round}-2026-12-15@samspil`);
    expect(body).toContain('SUMMARY:Skole-hjem-samtaler\\, 3.A');
    expect(body).toContain('STATUS:TENTATIVE');
  });

  it('holds only its owner’s entries: 5.B’s teacher and a guardian have none of 3.A’s', async () => {
    for (const actor of ['otherClassTeacher', 'custodyGuardian'] as const) {
      const res = await fetchFeed((await feedOf(actor)).url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain('BEGIN:VEVENT');
    }
  });

  it('stops answering the old URL when renewed, and any URL when revoked', async () => {
    const old = await feedOf('leader');
    const renewed = await t.request({ method: 'POST', url: '/api/me/calendar-feed/renew', as: f.users.leader });
    expect(renewed.statusCode, renewed.body).toBe(200);
    const fresh = renewed.json() as TCalendarFeed;
    expect(fresh.url).not.toBe(old.url);
    expect((await fetchFeed(old.url)).statusCode).toBe(404);
    expect((await fetchFeed(fresh.url)).statusCode).toBe(200);
    const revoked = await t.request({ method: 'DELETE', url: '/api/me/calendar-feed', as: f.users.leader });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await fetchFeed(fresh.url)).statusCode).toBe(404);
    // Asking again makes a new one.
    expect((await feedOf('leader')).url).not.toBe(fresh.url);
  });

  it('answers a made-up secret exactly as a revoked one', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
