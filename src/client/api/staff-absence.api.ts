import { staffAbsenceContracts } from '../../shared/api/staff-absence.contract.js';
import type { TCreateStaffAbsence } from '../../shared/api/staff-absence.schema.js';
import { api } from './http.js';

export const staffAbsenceApi = {
  create: (schoolId: string, input: TCreateStaffAbsence) =>
    api(staffAbsenceContracts.create, { params: { schoolId }, body: input }),
  remove: (schoolId: string, absenceId: string) =>
    api(staffAbsenceContracts.remove, { params: { schoolId, absenceId } }),
};
