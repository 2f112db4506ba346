import { describe, expect, it } from 'vitest';
import { toldByEmail } from './told-by-email.js';

describe('who is told by e-mail', () => {
  it('mails a guardian with an address who chose e-mail or has no login, and nobody without an address', () => {
    const g = (email: string | null, preferred_channel: string, has_login: boolean) =>
      toldByEmail({ email, preferred_channel, has_login });
    expect(g('a@b.dk', 'email', true)).toBe(true);
    expect(g('a@b.dk', 'app', false)).toBe(true);
    expect(g('a@b.dk', 'app', true)).toBe(false);
    expect(g('a@b.dk', 'sms', true)).toBe(false);
    expect(g('', 'email', false)).toBe(false);
    expect(g(null, 'email', false)).toBe(false);
  });
});
