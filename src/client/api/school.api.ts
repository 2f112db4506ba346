import type { TAuditPage, TAuditQuery } from '../../shared/api/audit.schema.js';
import type { TClassDetail, TClassList, TSchoolOverview, TStudentProfile } from '../../shared/api/directory.schema.js';
import type {
  TAnswerInformationRequest,
  TInformationRequest,
  TInformationRequestList,
  TInformationRequestStatus,
  TOwnInformationRequest,
  TOwnInformationRequestList,
} from '../../shared/api/information-request.schema.js';
import { http } from './http.js';

const school = (schoolId: string) => `/api/schools/${encodeURIComponent(schoolId)}`;
const student = (schoolId: string, studentId: string) =>
  `${school(schoolId)}/students/${encodeURIComponent(studentId)}`;

export type TAuditSearch = Partial<Omit<TAuditQuery, 'limit'>> & { limit?: number };

export const directoryApi = {
  student: (schoolId: string, studentId: string) => http.get<TStudentProfile>(student(schoolId, studentId)),
  classes: (schoolId: string) => http.get<TClassList>(`${school(schoolId)}/classes`),
  class: (schoolId: string, classId: string) =>
    http.get<TClassDetail>(`${school(schoolId)}/classes/${encodeURIComponent(classId)}`),
  overview: (schoolId: string) => http.get<TSchoolOverview>(`${school(schoolId)}/overview`),
};

export const informationRequestApi = {
  create: (schoolId: string, studentId: string, message: string) =>
    http.post<TOwnInformationRequest>(`${student(schoolId, studentId)}/information-requests`, { message }),
  list: (schoolId: string, status?: TInformationRequestStatus) =>
    http.get<TInformationRequestList>(`${school(schoolId)}/information-requests`, { query: { status } }),
  answer: (schoolId: string, requestId: string, answer: TAnswerInformationRequest) =>
    http.post<TInformationRequest>(
      `${school(schoolId)}/information-requests/${encodeURIComponent(requestId)}/answer`,
      answer,
    ),
  mine: (schoolId: string) => http.get<TOwnInformationRequestList>(`${school(schoolId)}/information-requests/mine`),
};

export const auditApi = {
  search: (schoolId: string, query: TAuditSearch) => http.get<TAuditPage>(`${school(schoolId)}/audit-log`, { query }),
  ofStudent: (schoolId: string, studentId: string, query: { limit?: number; before?: string } = {}) =>
    http.get<TAuditPage>(`${student(schoolId, studentId)}/audit-log`, { query }),
};
