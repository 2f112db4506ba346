import { defineContract } from './contract.js';
import { ZAttachment, ZAttachmentParams } from './attachment.schema.js';
import { ZOk, ZSchoolParams } from './common.schema.js';

/** The attachment routes (attachment.routes.ts): method, path and schemas, shared by the server and the client. */
export const attachmentContracts = {
  upload: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/attachments',
    params: ZSchoolParams,
    response: ZAttachment,
    status: 201,
  }),
  download: defineContract({
    method: 'GET',
    url: '/api/attachments/:attachmentId',
    params: ZAttachmentParams,
    produces: 'application/octet-stream',
  }),
  remove: defineContract({
    method: 'DELETE',
    url: '/api/attachments/:attachmentId',
    params: ZAttachmentParams,
    response: ZOk,
  }),
};
