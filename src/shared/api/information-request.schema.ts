import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZClassRef } from './directory.schema.js';

/** Longest request a parent may write, and longest answer staff may give. */
export const INFORMATION_REQUEST_MESSAGE_MAX = 4000;
export const INFORMATION_REQUEST_RESPONSE_MAX = 8000;

export const ZInformationRequestStatus = z.enum(['open', 'answered', 'declined']);
export type TInformationRequestStatus = z.infer<typeof ZInformationRequestStatus>;

export const ZCreateInformationRequest = z.object({
  message: text({ min: 1, max: INFORMATION_REQUEST_MESSAGE_MAX, lines: true }),
});
export type TCreateInformationRequest = z.infer<typeof ZCreateInformationRequest>;

export const ZAnswerInformationRequest = z.object({
  /** The information given, or the reason for declining: the parent reads it either way. */
  response: text({ min: 1, max: INFORMATION_REQUEST_RESPONSE_MAX, lines: true }),
  status: z.enum(['answered', 'declined']),
});
export type TAnswerInformationRequest = z.infer<typeof ZAnswerInformationRequest>;

export const ZInformationRequestParams = z.object({ schoolId: ZUuid, requestId: ZUuid });
export const ZInformationRequestQuery = z.object({ status: ZInformationRequestStatus.optional() });

const ZHandling = {
  status: ZInformationRequestStatus,
  message: z.string(),
  createdAt: z.string().describe('ISO 8601 moment'),
  handledAt: z.string().nullable(),
  handledBy: z.object({ name: z.string() }).nullable(),
  response: z.string().nullable(),
};

/** A request as the staff who handle it see it. */
export const ZInformationRequest = z.object({
  id: ZUuid,
  student: z.object({ id: ZUuid, name: z.string(), class: ZClassRef }),
  requester: z.object({ name: z.string() }),
  ...ZHandling,
});
export type TInformationRequest = z.infer<typeof ZInformationRequest>;
export const ZInformationRequestList = z.object({ requests: z.array(ZInformationRequest) });
export type TInformationRequestList = z.infer<typeof ZInformationRequestList>;

/** A request as the parent who asked sees it. */
export const ZOwnInformationRequest = z.object({
  id: ZUuid,
  student: z.object({ id: ZUuid, name: z.string() }),
  ...ZHandling,
});
export type TOwnInformationRequest = z.infer<typeof ZOwnInformationRequest>;
export const ZOwnInformationRequestList = z.object({ requests: z.array(ZOwnInformationRequest) });
export type TOwnInformationRequestList = z.infer<typeof ZOwnInformationRequestList>;
