import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZImportQuery, ZImportResult, ZImportRunList } from './import.schema.js';

/** The import routes (directory-import.routes.ts): method, path and schemas, shared by the server and the client. */
export const importContracts = {
  run: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/imports',
    params: ZSchoolParams,
    query: ZImportQuery,
    response: ZImportResult,
  }),
  runs: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/imports',
    params: ZSchoolParams,
    response: ZImportRunList,
  }),
};
