import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZCreateRound, ZRound, ZRoundList, ZRoundParams } from './conference.schema.js';
import { ZSendHeaders } from './messaging.schema.js';

/** The conference routes (conferences/round.routes.ts): method, path and schemas, shared by the server and the client. */
export const conferenceContracts = {
  createRound: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/conference-rounds',
    params: ZSchoolParams,
    body: ZCreateRound,
    headers: ZSendHeaders,
    response: ZRound,
    status: 201,
  }),
  rounds: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conference-rounds',
    params: ZSchoolParams,
    response: ZRoundList,
  }),
  round: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conference-rounds/:roundId',
    params: ZRoundParams,
    response: ZRound,
  }),
};
