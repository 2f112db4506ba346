import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZFiguresQuery, ZPrincipleFigures } from './figures.schema.js';

/** The principle's figures (figures.routes.ts): method, path and schemas, shared by the server and the client. */
export const figuresContracts = {
  read: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/principle-figures',
    params: ZSchoolParams,
    query: ZFiguresQuery,
    response: ZPrincipleFigures,
  }),
};
