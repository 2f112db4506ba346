import type { APIRequestContext, Page } from 'playwright-core';
import { buildDemoDirectory, DEMO_SEED } from '../../src/server/demo/demo-directory.js';

interface ClassDetail {
  students: Array<{
    id: string;
    givenName: string;
    hasInformationRightParent: boolean;
    guardians: Array<{ id: string; suspended: boolean }>;
  }>;
}
interface StudentProfile {
  guardians: Array<{ id: string; name: string; relation: string; email?: string | null; suspended?: boolean }>;
}

export interface FoundParent {
  email: string;
  name: string;
  child: { id: string; givenName: string };
}

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Finds, through the leader's own API access, a demo parent in a given legal situation, so a
 * test can sign in as them with a link by e-mail (only the six demo accounts have a password).
 */
export async function findParent(leader: Page, kind: 'information_right' | 'suspended'): Promise<FoundParent> {
  const me = await json<{ schools: Array<{ id: string }> }>(leader.request, '/api/me');
  const schoolId = me.schools[0]!.id;
  const { classes } = await json<{ classes: Array<{ id: string }> }>(
    leader.request,
    `/api/schools/${schoolId}/classes`,
  );
  for (const klass of classes) {
    const detail = await json<ClassDetail>(leader.request, `/api/schools/${schoolId}/classes/${klass.id}`);
    const candidates = detail.students.filter((s) =>
      kind === 'information_right' ? s.hasInformationRightParent : s.guardians.some((g) => g.suspended),
    );
    for (const student of candidates) {
      const profile = await json<StudentProfile>(leader.request, `/api/schools/${schoolId}/students/${student.id}`);
      const parent = profile.guardians.find(
        (g) => (kind === 'information_right' ? g.relation === 'information_right' : g.suspended) && g.email,
      );
      if (parent?.email)
        return { email: parent.email, name: parent.name, child: { id: student.id, givenName: student.givenName } };
    }
  }
  throw new Error(`The demo school has no ${kind} parent with an e-mail address`);
}

/** Asks for a sign-in link for `email` and opens it from the development mail page. */
export async function signInWithLink(page: Page, email: string): Promise<void> {
  const requested = await page.request.post('/api/auth/magic-link', { data: { email } });
  if (requested.status() !== 202) throw new Error(`magic-link answered ${requested.status()}`);
  const { mails } = await json<{ mails: Array<{ to: string; text: string }> }>(
    page.request,
    `/api/dev/mail?to=${encodeURIComponent(email)}`,
  );
  const mail = mails[0];
  const link = mail?.text.match(/https?:\/\/\S+\/login\/link#token=[\w-]+/)?.[0];
  if (!link) throw new Error(`No sign-in link was kept for ${email}`);
  const url = new URL(link);
  await page.goto(url.pathname + url.hash);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

/** A class parent representative of 3.A with an e-mail address, from the demo's own directory. */
export function representativeOf3A(): string {
  const now = new Date();
  const schoolYear = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const row = buildDemoDirectory({ seed: DEMO_SEED, schoolYear }).rows.find(
    (r) =>
      r.values.type === 'guardian' && (r.values.representative_for ?? '').split(' ').includes('3A') && r.values.email,
  );
  if (!row?.values.email) throw new Error('3.A has no class parent representative with an e-mail address');
  return row.values.email;
}

/** The date a number of days from now, as a date field takes it (YYYY-MM-DD). */
export const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
