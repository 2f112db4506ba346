import { defineContract } from './contract.js';
import { ZOk, ZSchoolParams } from './common.schema.js';
import { ZClassParams, ZStudentParams } from './directory.schema.js';
import { ZSendHeaders } from './messaging.schema.js';
import {
  ZApartPair,
  ZApartPairList,
  ZApartPairParams,
  ZClassPlayGroups,
  ZCreateApartPair,
  ZGeneratePlayGroups,
  ZOrganisedPlayGroups,
  ZPlayGroupHosting,
  ZStudentPlayGroups,
} from './play-group.schema.js';

/** The play-group routes (play-group.routes.ts): method, path and schemas, shared by the server and the client. */
export const playGroupContracts = {
  organised: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/play-groups',
    params: ZSchoolParams,
    response: ZOrganisedPlayGroups,
  }),
  ofClass: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/classes/:classId/play-groups',
    params: ZClassParams,
    response: ZClassPlayGroups,
  }),
  generate: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/play-groups',
    params: ZClassParams,
    body: ZGeneratePlayGroups,
    headers: ZSendHeaders,
    response: ZClassPlayGroups,
  }),
  apartPairs: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/classes/:classId/play-groups/apart-pairs',
    params: ZClassParams,
    response: ZApartPairList,
  }),
  keepApart: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/play-groups/apart-pairs',
    params: ZClassParams,
    body: ZCreateApartPair,
    response: ZApartPair,
    status: 201,
  }),
  removeApartPair: defineContract({
    method: 'DELETE',
    url: '/api/schools/:schoolId/classes/:classId/play-groups/apart-pairs/:pairId',
    params: ZApartPairParams,
    response: ZOk,
  }),
  ofStudent: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/students/:studentId/play-groups',
    params: ZStudentParams,
    response: ZStudentPlayGroups,
  }),
  hosting: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/students/:studentId/play-groups/hosting',
    params: ZStudentParams,
    body: ZPlayGroupHosting,
    response: ZStudentPlayGroups,
  }),
};
