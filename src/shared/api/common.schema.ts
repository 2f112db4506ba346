import { z } from 'zod';

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe("In the reader's language (Danish unless English was chosen)."),
    field: z.string().optional(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZUuid = z.string().uuid();
export const ZSchoolParams = z.object({ schoolId: ZUuid });
export const ZOk = z.object({ ok: z.literal(true) });
export const ZLocale = z.enum(['da', 'en']);
