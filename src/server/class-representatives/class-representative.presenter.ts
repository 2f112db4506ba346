import { className } from '../../shared/api/directory.schema.js';
import type { TClassRepresentatives, TMyRepresentativeSeats } from '../../shared/api/class-representative.schema.js';
import type { ClassRow } from '../directory/class.repository.js';
import type { CandidateRow, MySeatRow, SeatRow } from './class-representative.repository.js';

const fullName = (r: { given_name: string; family_name: string }) => `${r.given_name} ${r.family_name}`.trim();

/** A class's representatives as the class sees them: names and election days, nothing else about them. */
export function presentClassRepresentatives(
  c: ClassRow,
  view: {
    schoolYear: string;
    seats: SeatRow[];
    candidates: CandidateRow[] | null;
    mayRecord: boolean;
    mayWrite: boolean;
    maxSeats: number;
  },
): TClassRepresentatives {
  return {
    class: { id: c.id, name: className(c.grade, c.letter), grade: c.grade },
    schoolYear: view.schoolYear,
    representatives: view.seats.map((s) => ({ personId: s.person_id, name: fullName(s), electedOn: s.elected_on })),
    mayRecord: view.mayRecord,
    mayWrite: view.mayWrite,
    candidates: view.candidates?.map((p) => ({ personId: p.person_id, name: fullName(p) })) ?? null,
    maxSeats: view.maxSeats,
  };
}

export function presentMySeats(schoolYear: string, seats: MySeatRow[]): TMyRepresentativeSeats {
  return {
    schoolYear,
    seats: seats.map((s) => ({
      class: { id: s.class_id, name: className(s.grade, s.letter), grade: s.grade },
      electedOn: s.elected_on,
    })),
  };
}
