import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZClassParams } from './directory.schema.js';
import { ZSendHeaders } from './messaging.schema.js';
import {
  ZClassLetter,
  ZClassLetterFeed,
  ZClassLetterList,
  ZClassLetterParams,
  ZClassLettersDue,
  ZWriteClassLetter,
} from './class-letter.schema.js';

/** The class-letter routes (class-letter.routes.ts): method, path and schemas, shared by the server and the client. */
export const classLetterContracts = {
  write: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/letters',
    params: ZClassParams,
    body: ZWriteClassLetter,
    headers: ZSendHeaders,
    response: ZClassLetter,
    status: 201,
  }),
  ofClass: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/classes/:classId/letters',
    params: ZClassParams,
    response: ZClassLetterList,
  }),
  read: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/class-letters/:letterId',
    params: ZClassLetterParams,
    response: ZClassLetter,
  }),
  edit: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/class-letters/:letterId',
    params: ZClassLetterParams,
    body: ZWriteClassLetter,
    response: ZClassLetter,
  }),
  cancel: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/class-letters/:letterId/cancel',
    params: ZClassLetterParams,
    response: ZClassLetter,
  }),
  due: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/class-letters/due',
    params: ZSchoolParams,
    response: ZClassLettersDue,
  }),
  feed: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/class-letters/feed',
    params: ZSchoolParams,
    response: ZClassLetterFeed,
  }),
};
