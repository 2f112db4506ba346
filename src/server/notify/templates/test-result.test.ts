import { describe, expect, it } from 'vitest';
import { testResultMail } from './test-result.js';

const input = {
  name: 'Mette',
  child: 'Emma',
  kind: 'national' as const,
  testName: 'Dansk, læsning',
  takenOn: '2026-11-10',
  result: 'Emma læser som de fleste i 3. klasse.',
  meaning: 'Hun er godt med.',
  nextSteps: 'Vi fortsætter med læsebånd.',
  appUrl: 'https://samspil.example/schools/s/students/e/test-results',
};

describe('the test result mail', () => {
  it('tells the result in writing in Danish, with what it means and what happens next', () => {
    const mail = testResultMail({ ...input, locale: 'da' });
    expect(mail.subject).toBe('Testresultat for Emma: Dansk, læsning');
    expect(mail.text).toContain('den nationale test Dansk, læsning, taget 10. november 2026');
    expect(mail.text).toContain('Resultatet: Emma læser som de fleste i 3. klasse.');
    expect(mail.text).toContain('Det sker nu: Vi fortsætter med læsebånd.');
    expect(mail.html).toContain('<html lang="da">');
  });

  it('is written in English for an English reader, and escapes what it inserts', () => {
    const mail = testResultMail({ ...input, locale: 'en', child: '<b>Ali</b>' });
    expect(mail.subject).toBe('Test result for <b>Ali</b>: Dansk, læsning');
    expect(mail.text).toContain('taken on 10 November 2026');
    expect(mail.text).toContain('What happens next');
    expect(mail.html).not.toContain('<b>Ali</b>');
    expect(mail.html).toContain('&lt;b&gt;Ali&lt;/b&gt;');
  });
});
