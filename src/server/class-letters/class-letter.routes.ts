import { defineRoute } from '../http/route.js';
import { classLetterContracts } from '../../shared/api/class-letter.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZClassParams } from '../../shared/api/directory.schema.js';
import { ZClassLetterParams } from '../../shared/api/class-letter.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import { mayListClassLettersDue, mayReadClassLetterFeed } from '../policies/rules.js';
import {
  cancelClassLetter,
  classLetterFeed,
  editClassLetter,
  listClassLetters,
  listLettersDue,
  readClassLetter,
  writeClassLetter,
} from './class-letter.service.js';

const letterId = ({ params }: { params: { letterId: string } }) => params.letterId;

export const classLetterRoutes = [
  defineRoute({
    ...classLetterContracts.write,
    summary:
      "Writes a class letter or post: the class's staff and the leadership. Rich text is sanitised on the server (p, h2, h3, strong, em, lists, http/https/mailto links, images of the letter's own attachments); kept as a draft, published now (the class's custody holders told) or scheduled. Idempotency key.",
    tags: ['class-letters'],
    policy: requireAccess('class.write-letters', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params, body, headers }) =>
      writeClassLetter(ctx, params.schoolId, params.classId, body, headers[IDEMPOTENCY_KEY_HEADER] || null),
  }),
  defineRoute({
    ...classLetterContracts.ofClass,
    summary:
      "A class's letters: all but the cancelled with read counts and the cadence for its staff and the leadership; the published ones for its students and its children's custody holders.",
    tags: ['class-letters'],
    policy: requireAccess('class.read-letters', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params }) => listClassLetters(ctx, params.schoolId, params.classId),
  }),
  defineRoute({
    ...classLetterContracts.due,
    summary:
      "The caller's classes (every class for the leadership) against the principle's cadence: the next letter's due day and the periods missed in a row.",
    tags: ['class-letters'],
    policy: atSchool(ZSchoolParams, 'staff of the school', (m) => mayListClassLettersDue(m)),
    handler: (ctx, { params }) => listLettersDue(ctx, params.schoolId),
  }),
  defineRoute({
    ...classLetterContracts.feed,
    summary:
      "The newest published letters of the classes of the caller's children in custody, or of the student's class.",
    tags: ['class-letters'],
    policy: atSchool(ZSchoolParams, 'member of the school', (m) => mayReadClassLetterFeed(m)),
    handler: (ctx, { params }) => classLetterFeed(ctx, params.schoolId),
  }),
  defineRoute({
    ...classLetterContracts.read,
    summary: "One class letter; a custody holder's opening marks it read for their household.",
    tags: ['class-letters'],
    policy: requireAccess('class-letter.read', { params: ZClassLetterParams }, letterId),
    handler: (ctx, { params }) => readClassLetter(ctx, params.schoolId, params.letterId),
  }),
  defineRoute({
    ...classLetterContracts.edit,
    summary:
      'Changes a draft or scheduled letter (text, files, publish now or at another time); a published one is 409.',
    tags: ['class-letters'],
    policy: requireAccess('class-letter.edit', { params: ZClassLetterParams }, letterId),
    handler: (ctx, { params, body }) => editClassLetter(ctx, params.schoolId, params.letterId, body),
  }),
  defineRoute({
    ...classLetterContracts.cancel,
    summary: 'Cancels a draft or scheduled letter before it is published; a published one is 409.',
    tags: ['class-letters'],
    policy: requireAccess('class-letter.edit', { params: ZClassLetterParams }, letterId),
    handler: (ctx, { params }) => cancelClassLetter(ctx, params.schoolId, params.letterId),
  }),
];
