import type {
  TCreateStaffAbsence,
  TMessageRouting,
  TStaffAbsence,
  TStaffAbsenceList,
} from '../../shared/api/staff-absence.schema.js';
import { http } from './http.js';

const absences = (schoolId: string) => `/api/schools/${encodeURIComponent(schoolId)}/staff-absences`;

export const staffAbsenceApi = {
  list: (schoolId: string) => http.get<TStaffAbsenceList>(absences(schoolId)),
  create: (schoolId: string, input: TCreateStaffAbsence) => http.post<TStaffAbsence>(absences(schoolId), input),
  remove: (schoolId: string, absenceId: string) =>
    http.delete<{ ok: true }>(`${absences(schoolId)}/${encodeURIComponent(absenceId)}`),
  /** For the guardian's composer: who a message about the child reaches now, and any absence notice. */
  messageRouting: (schoolId: string, studentId: string) =>
    http.get<TMessageRouting>(
      `/api/schools/${encodeURIComponent(schoolId)}/students/${encodeURIComponent(studentId)}/message-routing`,
    ),
};
