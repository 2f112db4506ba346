import { describe, expect, it } from 'vitest';
import { conferenceTimeMail } from './conference-time.js';

const input = {
  name: 'Mette',
  round: 'Skole-hjem-samtaler, vinter',
  child: 'Emma',
  date: '2027-01-18',
  from: '14:20',
  to: '14:40',
  room: 'Lokale 12',
  appUrl: 'https://samspil.example/#conference-1',
  moved: false,
  format: 'in_person' as const,
  videoLink: null,
};

describe('the conference time e-mail', () => {
  it('gives the day, time and room in the guardian’s language, and points to the calendar file', () => {
    const da = conferenceTimeMail({ ...input, locale: 'da' });
    expect(da.subject).toBe('Jeres tid til skole-hjem-samtale om Emma');
    expect(da.text).toContain(
      'Samtalen om Emma (Skole-hjem-samtaler, vinter) er mandag 18. januar kl. 14.20–14.40, Lokale 12.',
    );
    expect(da.text).toContain('samtale.ics');
    expect(da.html).toContain('https://samspil.example/#conference-1');
    const en = conferenceTimeMail({ ...input, locale: 'en', room: null });
    expect(en.text).toContain('is on Monday 18 January, 14:20–14:40.');
  });

  it('says how the home meets: no room for a call or a video meeting, the link for video', () => {
    const video = conferenceTimeMail({
      ...input,
      locale: 'da',
      format: 'video',
      videoLink: 'https://meet.example.dk/3a',
    });
    expect(video.text).toContain('er mandag 18. januar kl. 14.20–14.40.');
    expect(video.text).toContain('Det er et videomøde: https://meet.example.dk/3a');
    expect(video.text).not.toContain('Lokale 12');
    const phone = conferenceTimeMail({ ...input, locale: 'en', format: 'phone' });
    expect(phone.text).toContain('It is a phone call: the teacher calls you.');
  });

  it('says when the school moved the time', () => {
    const moved = conferenceTimeMail({ ...input, locale: 'da', moved: true });
    expect(moved.subject).toBe('Ny tid til skole-hjem-samtale om Emma');
    expect(moved.text).toContain('Den gamle tid gælder ikke længere.');
    expect(conferenceTimeMail({ ...input, locale: 'da' }).text).not.toContain('gamle tid');
  });
});
