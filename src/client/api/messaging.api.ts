import {
  IDEMPOTENCY_KEY_HEADER,
  type TAcknowledge,
  type TCreateGroupMessage,
  type TCreateOwnThread,
  type TCreateStaffThread,
  type TCreateStudentThread,
  type TCreateThread,
} from '../../shared/api/messaging.schema.js';
import { messagingContracts } from '../../shared/api/messaging.contract.js';
import { api } from './http.js';

const once = (idempotencyKey: string) => ({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey });

/**
 * Sends carry the compose attempt's idempotency key, so a retry after a lost answer (or a double
 * click that got through) stores the message once.
 */
export const messagingApi = {
  create: (input: TCreateThread, idempotencyKey: string) =>
    api(messagingContracts.create, { body: input, headers: once(idempotencyKey) }),
  reply: (
    threadId: string,
    body: string,
    idempotencyKey: string,
    options: { urgent?: boolean; attachmentIds?: string[] } = {},
  ) =>
    api(messagingContracts.reply, {
      params: { threadId },
      body: { body, ...options },
      headers: once(idempotencyKey),
    }),
  acknowledge: (threadId: string, input: TAcknowledge, idempotencyKey: string) =>
    api(messagingContracts.acknowledge, { params: { threadId }, body: input, headers: once(idempotencyKey) }),
  writeToClass: (schoolId: string, classId: string, input: TCreateGroupMessage, idempotencyKey: string) =>
    api(messagingContracts.writeToClass, {
      params: { schoolId, classId },
      body: input,
      headers: once(idempotencyKey),
    }),
  writeToGrade: (schoolId: string, grade: number, input: TCreateGroupMessage, idempotencyKey: string) =>
    api(messagingContracts.writeToGrade, { params: { schoolId, grade }, body: input, headers: once(idempotencyKey) }),
  writeToSchool: (schoolId: string, input: TCreateGroupMessage, idempotencyKey: string) =>
    api(messagingContracts.writeToSchool, { params: { schoolId }, body: input, headers: once(idempotencyKey) }),
  writeToGuardians: (schoolId: string, studentId: string, input: TCreateStudentThread, idempotencyKey: string) =>
    api(messagingContracts.writeToGuardians, {
      params: { schoolId, studentId },
      body: input,
      headers: once(idempotencyKey),
    }),
  writeAsStudent: (schoolId: string, studentId: string, input: TCreateOwnThread, idempotencyKey: string) =>
    api(messagingContracts.writeAsStudent, {
      params: { schoolId, studentId },
      body: input,
      headers: once(idempotencyKey),
    }),
  writeToStaff: (schoolId: string, input: TCreateStaffThread, idempotencyKey: string) =>
    api(messagingContracts.writeToStaff, { params: { schoolId }, body: input, headers: once(idempotencyKey) }),
};

/** A fresh key for one compose attempt; older browsers on plain http lack randomUUID. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
