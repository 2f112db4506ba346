import type { TMe } from '../../shared/api/directory.schema.js';
import type { Locale } from '../../shared/errors.js';
import { http } from './http.js';

export const meApi = {
  me: () => http.get<TMe>('/api/me'),
  setLocale: (locale: Locale) => http.put<unknown>('/api/me/preferences', { locale }),
};
