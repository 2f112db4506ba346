import i18next from 'i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import da from '../../i18n/da.json';
import en from '../../i18n/en.json';
import type { TMyInvitations } from '../../../shared/api/conference.schema.js';
import { JointMeeting } from './conference-booking.js';

type Invitation = TMyInvitations['invitations'][number];

const invitation = (jointMeeting: Invitation['jointMeeting']): Invitation => ({
  id: '00000000-0000-4000-8000-000000000001',
  round: { id: '00000000-0000-4000-8000-000000000002', name: 'Vinter', formats: ['in_person'], videoLink: null },
  student: { id: '00000000-0000-4000-8000-000000000003', name: 'Arthur Kristensen', className: '3.A' },
  room: null,
  booking: null,
  format: 'in_person',
  filling: 'self_booking',
  days: [],
  available: [],
  bookedJointly: false,
  jointMeeting,
});

async function render(lng: 'da' | 'en', jointMeeting: Invitation['jointMeeting']) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng,
    resources: { da: { translation: da }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <I18nextProvider i18n={instance}>
        <JointMeeting schoolId="00000000-0000-4000-8000-000000000004" invitation={invitation(jointMeeting)} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('the joint meeting of a child with two homes', () => {
  it('asks each home with a labelled checkbox and says whether the other home asked too, never naming it', async () => {
    const waiting = await render('da', { wanted: true, otherHomeWants: false });
    expect(waiting).toMatch(/<input id="joint-[^"]+" type="checkbox" checked=""/);
    expect(waiting).toContain('Vi vil gerne have én fælles samtale med barnets andet hjem');
    expect(waiting).toContain('Barnets andet hjem har ikke bedt om en fælles samtale endnu.');
    const both = await render('en', { wanted: true, otherHomeWants: true });
    expect(both).toContain('We would like one joint meeting with the child&#x27;s other home');
    expect(both).toContain('Both homes would like a joint meeting.');
  });

  it('shows nothing for a child with one home', async () => {
    expect(await render('da', null)).toBe('');
  });
});
