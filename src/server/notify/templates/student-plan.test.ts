import { describe, expect, it } from 'vitest';
import { studentPlanMail } from './student-plan.js';
import { notice } from '../../notifications/notice-text.js';

describe('student plan texts', () => {
  it('tells the home that the plan went home, in its language, with the link and never the plan itself', () => {
    const da = studentPlanMail({
      locale: 'da',
      name: 'Mette',
      child: 'Emma',
      form: 'student_plan',
      appUrl: 'https://x/p',
    });
    expect(da.subject).toBe('Emmas elevplan er klar');
    expect(da.text).toContain('Hej Mette');
    expect(da.text).toContain('https://x/p');
    expect(da.html).toContain('lang="da"');
    const en = studentPlanMail({
      locale: 'en',
      name: 'Sara',
      child: 'Mads',
      form: 'message_book',
      appUrl: 'https://x/b',
    });
    expect(en.subject).toBe("New in Mads's message book");
    expect(studentPlanMail({ locale: 'da', name: 'A', child: 'Mads', form: 'student_plan', appUrl: 'u' }).subject).toBe(
      "Mads' elevplan er klar",
    );
    expect(notice('student-plan', { child: 'Emma', form: 'student_plan' }, 'en').title).toBe(
      "Emma's student plan is ready",
    );
  });
});
