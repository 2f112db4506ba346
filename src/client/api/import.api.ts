import { importContracts } from '../../shared/api/import.contract.js';
import { api } from './http.js';

export const importApi = {
  /** Sends the file's bytes as they are: the server detects the encoding (Excel's Windows-1252 included). */
  run: (schoolId: string, file: File, dryRun: boolean) =>
    api(importContracts.run, {
      params: { schoolId },
      query: { dryRun: dryRun ? 'true' : 'false', fileName: file.name },
      raw: { body: file, contentType: 'text/csv' },
    }),
};
