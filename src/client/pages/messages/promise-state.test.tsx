import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import da from '../../i18n/da.json';
import en from '../../i18n/en.json';
import { PromiseState } from './message-parts.js';

async function render(lng: 'da' | 'en', reader: 'guardian' | 'staff') {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng,
    resources: { da: { translation: da }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  // A guardian's thread has staff across it; staff have the guardian across theirs.
  const counterparts = [
    {
      name: reader === 'guardian' ? 'Birgitte Lund' : 'Mette Hansen',
      role: reader === 'guardian' ? ('staff' as const) : ('guardian' as const),
    },
  ];
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <PromiseState thread={{ promiseStatus: 'open', replyDueAt: '2026-12-04T22:59:59Z', counterparts }} />
    </I18nextProvider>,
  );
}

describe('the reply promise on a thread', () => {
  it("tells the guardian who promises: the school's reply, not an order to her", async () => {
    expect(await render('da', 'guardian')).toContain('>Skolen svarer senest fredag 4. december<');
    expect(await render('en', 'guardian')).toContain('>The school replies by Friday 4 December<');
  });

  it('gives staff the same deadline as their task', async () => {
    expect(await render('da', 'staff')).toContain('>Svar senest fredag 4. december<');
    expect(await render('en', 'staff')).toContain('>Reply by Friday 4 December<');
  });
});
