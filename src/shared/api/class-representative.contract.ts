import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZClassParams } from './directory.schema.js';
import { ZSendHeaders, ZThreadDetail } from './messaging.schema.js';
import {
  ZClassRepresentatives,
  ZMyRepresentativeSeats,
  ZRecordElection,
  ZRepresentativeMessage,
  ZRepresentativeParams,
} from './class-representative.schema.js';

/** The class parent representative routes (class-representative.routes.ts), shared by the server and the client. */
export const classRepresentativeContracts = {
  ofClass: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/classes/:classId/representatives',
    params: ZClassParams,
    response: ZClassRepresentatives,
  }),
  elect: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/representatives',
    params: ZClassParams,
    body: ZRecordElection,
    response: ZClassRepresentatives,
    status: 201,
  }),
  end: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/representatives/:personId/end',
    params: ZRepresentativeParams,
    response: ZClassRepresentatives,
  }),
  mine: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/representative-seats',
    params: ZSchoolParams,
    response: ZMyRepresentativeSeats,
  }),
  write: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/representative-messages',
    params: ZClassParams,
    body: ZRepresentativeMessage,
    headers: ZSendHeaders,
    response: ZThreadDetail,
    status: 201,
  }),
};
