import { defineRoute } from '../http/route.js';
import { importContracts } from '../../shared/api/import.contract.js';
import { atSchool } from '../policies/policy.js';
import { AppError } from '../errors.js';
import { mayImport } from '../policies/rules.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { MAX_IMPORT_BYTES } from '../../shared/api/import.schema.js';
import { findRecentImportRuns, importUploadedDirectory } from './directory-import.service.js';

export const directoryImportRoutes = [
  defineRoute({
    ...importContracts.run,
    summary:
      'Imports classes, students, guardians, relations and staff from one CSV file (docs/IMPORT.md). The body is the file itself, ' +
      'sent as text/csv or application/octet-stream (UTF-8 or Windows-1252, separated by ; or ,). The whole file is checked first: ' +
      'any bad row gives 422 import_invalid with every issue in details and nothing is written. With dryRun=true nothing is written either.',
    tags: ['import'],
    bodyLimit: MAX_IMPORT_BYTES,
    policy: atSchool(ZSchoolParams, 'leadership of the school', (m) => mayImport(m)),
    async handler(ctx, { params, query }, { request }) {
      // The file arrives as raw bytes (upload-body.ts); anything else is not a file.
      const body: unknown = request.body;
      if (body !== undefined && !Buffer.isBuffer(body)) {
        throw new AppError('validation_failed', { field: 'body', status: 415 });
      }
      return importUploadedDirectory(ctx, params.schoolId, body ?? Buffer.alloc(0), query);
    },
  }),
  defineRoute({
    ...importContracts.runs,
    summary: "The school's 20 latest directory imports, newest first, with what each changed.",
    tags: ['import'],
    policy: atSchool(ZSchoolParams, 'leadership of the school', (m) => mayImport(m)),
    async handler(ctx, { params }) {
      return { runs: await findRecentImportRuns(ctx.db, params.schoolId) };
    },
  }),
];
