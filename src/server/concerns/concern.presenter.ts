import { className } from '../../shared/api/directory.schema.js';
import type { TConcern } from '../../shared/api/concern.schema.js';
import type { ConcernState } from '../../domain/concerns/early-dialogue.js';
import type { ConcernContactRow, ConcernRow } from './concern.repository.js';

const fullName = (given: string, family: string) => `${given} ${family}`.trim();

/** A concern as the child's staff team and the leadership read it: nothing else leaves the server. */
export function presentConcern(
  r: ConcernRow,
  contacts: readonly ConcernContactRow[],
  standing: { dueOn: string | null; state: ConcernState },
): TConcern {
  return {
    id: r.id,
    student: {
      id: r.student_id,
      name: fullName(r.student_given_name, r.student_family_name),
      class: { id: r.class_id, name: className(r.grade, r.letter), grade: r.grade },
    },
    kind: r.kind,
    text: r.text,
    registeredAt: r.registered_at.toISOString(),
    registeredBy: { name: fullName(r.registrant_given_name, r.registrant_family_name) },
    contactDueOn: standing.dueOn,
    state: standing.state,
    contacts: contacts.map((k) => ({
      id: k.id,
      contactedOn: k.contacted_on,
      channel: k.channel,
      agreed: k.agreed,
      recordedBy: { name: fullName(k.recorder_given_name, k.recorder_family_name) },
    })),
    closedAt: r.closed_at?.toISOString() ?? null,
    closeNote: r.close_note,
    roundId: r.round_id,
  };
}
