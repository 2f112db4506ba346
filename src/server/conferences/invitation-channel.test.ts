import { describe, expect, it } from 'vitest';
import { channelOf } from './invitation.service.js';

const guardian = (g: { user_id?: string; email?: string; phone?: string }) => ({
  user_id: g.user_id ?? null,
  email: g.email ?? null,
  phone: g.phone ?? null,
});

describe('how an invitation reaches a home', () => {
  it('is the app when a guardian has a login, else e-mail when one has an address', () => {
    expect(channelOf([guardian({ phone: '1' }), guardian({ user_id: 'u' })])).toBe('app');
    expect(channelOf([guardian({ email: 'a@b.dk', phone: '1' })])).toBe('email');
  });

  it('is a call for a home with a phone only (Samspil sends no SMS), and a letter with nothing at all', () => {
    expect(channelOf([guardian({ phone: '+45 12 34 56 78' })])).toBe('call');
    expect(channelOf([guardian({ email: '' }), guardian({})])).toBe('letter');
  });
});
