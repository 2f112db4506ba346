import { meContracts } from '../../shared/api/directory.contract.js';
import type { Locale } from '../../shared/errors.js';
import { api } from './http.js';

export const meApi = {
  me: () => api(meContracts.me),
  setLocale: (locale: Locale) => api(meContracts.setPreferences, { body: { locale } }),
};
