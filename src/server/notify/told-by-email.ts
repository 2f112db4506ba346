/**
 * Whether the school tells a guardian by e-mail as well as in the app: they have an address, and
 * either chose e-mail in the directory or have no login to read the app with. One rule for every
 * letter home (invitations, times, plans, test results). Samspil has no SMS transport: a home
 * that asked for SMS and has no login or address is on the staff's "call them" list instead
 * (conferences/invitation.service.ts `channelOf`).
 */
export function toldByEmail(g: { email: string | null; preferred_channel: string; has_login: boolean }): boolean {
  return (g.email ?? '') !== '' && (g.preferred_channel === 'email' || !g.has_login);
}
