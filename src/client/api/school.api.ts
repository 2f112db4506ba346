import { auditContracts } from '../../shared/api/audit.contract.js';
import type { TAuditQuery } from '../../shared/api/audit.schema.js';
import { directoryContracts } from '../../shared/api/directory.contract.js';
import { informationRequestContracts } from '../../shared/api/information-request.contract.js';
import type {
  TAnswerInformationRequest,
  TInformationRequestStatus,
} from '../../shared/api/information-request.schema.js';
import { api } from './http.js';

export type TAuditSearch = Partial<Omit<TAuditQuery, 'limit'>> & { limit?: number };

export const directoryApi = {
  student: (schoolId: string, studentId: string) =>
    api(directoryContracts.student, { params: { schoolId, studentId } }),
  classes: (schoolId: string) => api(directoryContracts.classes, { params: { schoolId } }),
  class: (schoolId: string, classId: string) => api(directoryContracts.class, { params: { schoolId, classId } }),
  overview: (schoolId: string) => api(directoryContracts.overview, { params: { schoolId } }),
};

export const informationRequestApi = {
  create: (schoolId: string, studentId: string, message: string) =>
    api(informationRequestContracts.create, { params: { schoolId, studentId }, body: { message } }),
  list: (schoolId: string, status?: TInformationRequestStatus) =>
    api(informationRequestContracts.list, { params: { schoolId }, query: { status } }),
  answer: (schoolId: string, requestId: string, answer: TAnswerInformationRequest) =>
    api(informationRequestContracts.answer, { params: { schoolId, requestId }, body: answer }),
  mine: (schoolId: string) => api(informationRequestContracts.mine, { params: { schoolId } }),
};

export const auditApi = {
  search: (schoolId: string, query: TAuditSearch) => api(auditContracts.search, { params: { schoolId }, query }),
  ofStudent: (schoolId: string, studentId: string, query: { limit?: number; before?: string } = {}) =>
    api(auditContracts.ofStudent, { params: { schoolId, studentId }, query }),
};
