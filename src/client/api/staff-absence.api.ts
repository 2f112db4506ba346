import { staffAbsenceContracts } from '../../shared/api/staff-absence.contract.js';
import type { TCreateStaffAbsence } from '../../shared/api/staff-absence.schema.js';
import { api } from './http.js';

export const staffAbsenceApi = {
  list: (schoolId: string) => api(staffAbsenceContracts.list, { params: { schoolId } }),
  create: (schoolId: string, input: TCreateStaffAbsence) =>
    api(staffAbsenceContracts.create, { params: { schoolId }, body: input }),
  remove: (schoolId: string, absenceId: string) =>
    api(staffAbsenceContracts.remove, { params: { schoolId, absenceId } }),
  /** For the guardian's composer: who a message about the child reaches now, and any absence notice. */
  messageRouting: (schoolId: string, studentId: string) =>
    api(staffAbsenceContracts.messageRouting, { params: { schoolId, studentId } }),
};
