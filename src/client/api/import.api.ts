import type { TImportResult, TImportRunList } from '../../shared/api/import.schema.js';
import { http, request } from './http.js';

export const importApi = {
  /** Sends the file's bytes as they are: the server detects the encoding (Excel's Windows-1252 included). */
  run: (schoolId: string, file: File, dryRun: boolean) =>
    request<TImportResult>('POST', `/api/schools/${encodeURIComponent(schoolId)}/imports`, {
      query: { dryRun: String(dryRun), fileName: file.name },
      raw: { body: file, contentType: 'text/csv' },
    }),
  runs: (schoolId: string) => http.get<TImportRunList>(`/api/schools/${encodeURIComponent(schoolId)}/imports`),
};
