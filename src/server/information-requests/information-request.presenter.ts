import { className } from '../../shared/api/directory.schema.js';
import type { TInformationRequest, TOwnInformationRequest } from '../../shared/api/information-request.schema.js';
import type { InformationRequestRow } from './information-request.repository.js';

const handling = (r: InformationRequestRow) => ({
  status: r.status,
  message: r.message,
  createdAt: r.created_at.toISOString(),
  handledAt: r.handled_at?.toISOString() ?? null,
  handledBy:
    r.handler_given_name !== null ? { name: `${r.handler_given_name} ${r.handler_family_name ?? ''}`.trim() } : null,
  response: r.response,
});

const studentName = (r: InformationRequestRow) => `${r.student_given_name} ${r.student_family_name}`.trim();

export function presentInformationRequest(r: InformationRequestRow): TInformationRequest {
  return {
    id: r.id,
    student: {
      id: r.student_id,
      name: studentName(r),
      class: { id: r.class_id, name: className(r.grade, r.letter), grade: r.grade },
    },
    requester: { name: `${r.requester_given_name} ${r.requester_family_name}`.trim() },
    ...handling(r),
  };
}

export function presentOwnInformationRequest(r: InformationRequestRow): TOwnInformationRequest {
  return { id: r.id, student: { id: r.student_id, name: studentName(r) }, ...handling(r) };
}
