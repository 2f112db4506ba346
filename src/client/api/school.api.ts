import { auditContracts } from '../../shared/api/audit.contract.js';
import { informationRequestContracts } from '../../shared/api/information-request.contract.js';
import type { TAuditQuery } from '../../shared/api/audit.schema.js';
import type { TAnswerInformationRequest } from '../../shared/api/information-request.schema.js';
import { api } from './http.js';

export type TAuditSearch = Partial<Omit<TAuditQuery, 'limit'>> & { limit?: number };

export const informationRequestApi = {
  create: (schoolId: string, studentId: string, message: string) =>
    api(informationRequestContracts.create, { params: { schoolId, studentId }, body: { message } }),
  answer: (schoolId: string, requestId: string, answer: TAnswerInformationRequest) =>
    api(informationRequestContracts.answer, { params: { schoolId, requestId }, body: answer }),
};

export const auditApi = {
  search: (schoolId: string, query: TAuditSearch) => api(auditContracts.search, { params: { schoolId }, query }),
  ofStudent: (schoolId: string, studentId: string, query: { limit?: number; before?: string } = {}) =>
    api(auditContracts.ofStudent, { params: { schoolId, studentId }, query }),
};
