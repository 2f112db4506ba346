import {
  IDEMPOTENCY_KEY_HEADER,
  type TAcknowledge,
  type TBrokenPromiseList,
  type TColleagueList,
  type TCreateStaffThread,
  type TCreateStudentThread,
  type TUrgentUseList,
  type TCreateGroupMessage,
  type TCreateThread,
  type TThreadDetail,
  type TThreadList,
  type TThreadReaders,
  type TThreadSearchResult,
} from '../../shared/api/messaging.schema.js';
import { http } from './http.js';

const thread = (threadId: string) => `/api/threads/${encodeURIComponent(threadId)}`;
const once = (idempotencyKey: string) => ({ headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } });

/**
 * Sends carry the compose attempt's idempotency key, so a retry after a lost answer (or a double
 * click that got through) stores the message once.
 */
export const messagingApi = {
  threads: () => http.get<TThreadList>('/api/threads'),
  search: (q: string, signal?: AbortSignal) =>
    http.get<TThreadSearchResult>('/api/threads/search', { query: { q }, signal }),
  thread: (threadId: string) => http.get<TThreadDetail>(thread(threadId)),
  create: (input: TCreateThread, idempotencyKey: string) =>
    http.post<TThreadDetail>('/api/threads', input, once(idempotencyKey)),
  reply: (
    threadId: string,
    body: string,
    idempotencyKey: string,
    options: { urgent?: boolean; attachmentIds?: string[] } = {},
  ) => http.post<TThreadDetail>(`${thread(threadId)}/messages`, { body, ...options }, once(idempotencyKey)),
  acknowledge: (threadId: string, input: TAcknowledge, idempotencyKey: string) =>
    http.post<TThreadDetail>(`${thread(threadId)}/acknowledge`, input, once(idempotencyKey)),
  readers: (threadId: string) => http.get<TThreadReaders>(`${thread(threadId)}/readers`),
  writeToClass: (schoolId: string, classId: string, input: TCreateGroupMessage, idempotencyKey: string) =>
    http.post<TThreadDetail>(
      `/api/schools/${encodeURIComponent(schoolId)}/classes/${encodeURIComponent(classId)}/messages`,
      input,
      once(idempotencyKey),
    ),
  writeToGrade: (schoolId: string, grade: number, input: TCreateGroupMessage, idempotencyKey: string) =>
    http.post<TThreadDetail>(
      `/api/schools/${encodeURIComponent(schoolId)}/grades/${grade}/messages`,
      input,
      once(idempotencyKey),
    ),
  writeToSchool: (schoolId: string, input: TCreateGroupMessage, idempotencyKey: string) =>
    http.post<TThreadDetail>(`/api/schools/${encodeURIComponent(schoolId)}/messages`, input, once(idempotencyKey)),
  writeToGuardians: (schoolId: string, studentId: string, input: TCreateStudentThread, idempotencyKey: string) =>
    http.post<TThreadDetail>(
      `/api/schools/${encodeURIComponent(schoolId)}/students/${encodeURIComponent(studentId)}/threads`,
      input,
      once(idempotencyKey),
    ),
  writeToStaff: (schoolId: string, input: TCreateStaffThread, idempotencyKey: string) =>
    http.post<TThreadDetail>(`/api/schools/${encodeURIComponent(schoolId)}/threads`, input, once(idempotencyKey)),
  colleagues: (schoolId: string) => http.get<TColleagueList>(`/api/schools/${encodeURIComponent(schoolId)}/staff`),
  urgentUses: (schoolId: string) =>
    http.get<TUrgentUseList>(`/api/schools/${encodeURIComponent(schoolId)}/urgent-messages`),
  brokenPromises: (schoolId: string) =>
    http.get<TBrokenPromiseList>(`/api/schools/${encodeURIComponent(schoolId)}/broken-promises`),
};

/** A fresh key for one compose attempt; older browsers on plain http lack randomUUID. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
