import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import {
  ZClassDetail,
  ZClassList,
  ZClassParams,
  ZMe,
  ZPreferences,
  ZSchoolOverview,
  ZStudentParams,
  ZStudentProfile,
  ZUpdatePreferences,
} from './directory.schema.js';

/** The directory routes (directory.routes.ts): method, path and schemas, shared by the server and the client. */
export const directoryContracts = {
  student: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/students/:studentId',
    params: ZStudentParams,
    response: ZStudentProfile,
  }),
  classes: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/classes',
    params: ZSchoolParams,
    response: ZClassList,
  }),
  class: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/classes/:classId',
    params: ZClassParams,
    response: ZClassDetail,
  }),
  overview: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/overview',
    params: ZSchoolParams,
    response: ZSchoolOverview,
  }),
};

/** The me routes (me.routes.ts): method, path and schemas, shared by the server and the client. */
export const meContracts = {
  me: defineContract({
    method: 'GET',
    url: '/api/me',
    response: ZMe,
  }),
  setPreferences: defineContract({
    method: 'PUT',
    url: '/api/me/preferences',
    body: ZUpdatePreferences,
    response: ZPreferences,
  }),
};
