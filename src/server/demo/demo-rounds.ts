import type { TCreateRound } from '../../shared/api/conference.schema.js';
import { addDays, mondayOfWeek } from './demo-calendar.js';

/** A demo round: what a planner would send, by class name, and who plans it. */
export interface DemoRound {
  plannedBy: 'leader' | 'contact_teacher';
  classNames: string[];
  round: Omit<TCreateRound, 'classIds' | 'rooms'> & { rooms: Record<string, string> };
}

/**
 * The demo school's conference rounds in a school year: the leadership's winter round for 3.A and
 * 7.A in January, its invitations out five weeks before (the principle asks for 21 days), and 5.B's
 * contact teacher's round in March, whose invitations go out only twelve days before, so the round
 * shows the principle's warning.
 */
export function demoRounds(schoolYear: number): DemoRound[] {
  const january = mondayOfWeek(schoolYear + 1, 3);
  const march = mondayOfWeek(schoolYear + 1, 10);
  return [
    {
      plannedBy: 'leader',
      classNames: ['3.A', '7.A'],
      round: {
        name: 'Skole-hjem-samtaler, vinter',
        kind: 'regular',
        studentIds: [],
        filling: 'self_booking',
        days: [
          { date: addDays(january, 1), from: '14:00', to: '17:30' },
          { date: addDays(january, 2), from: '14:00', to: '17:30' },
        ],
        minutesByGrade: { '3': 15, '7': 20 },
        alsoTakingPart: ['pedagogue'],
        formats: ['in_person', 'video'],
        videoLink: 'https://meet.demo.samspil.dk/samtaler',
        counsellorId: null,
        rooms: { '3.A': 'Lokale 12', '7.A': 'Lokale 31' },
        inviteOn: addDays(january, 1 - 35),
        plansBy: addDays(january, 1 - 7),
      },
    },
    {
      plannedBy: 'contact_teacher',
      classNames: ['5.B'],
      round: {
        name: 'Samtaler i 5.B',
        kind: 'regular',
        studentIds: [],
        filling: 'self_booking',
        days: [
          { date: addDays(march, 1), from: '14:30', to: '18:00' },
          { date: addDays(march, 3), from: '14:30', to: '18:00' },
        ],
        minutesByGrade: { '5': 15 },
        alsoTakingPart: [],
        formats: ['in_person', 'phone'],
        videoLink: null,
        counsellorId: null,
        rooms: { '5.B': 'Lokale 8' },
        inviteOn: addDays(march, 1 - 12),
        plansBy: addDays(march, 1 - 8),
      },
    },
  ];
}
