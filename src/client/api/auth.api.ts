import type {
  TAuthProviders,
  TDevMailList,
  TSessionList,
  TSignInResponse,
  TSignOutEverywhereResponse,
} from '../../shared/api/auth.schema.js';
import { http } from './http.js';

export const authApi = {
  providers: () => http.get<TAuthProviders>('/api/auth/providers'),
  signIn: (email: string, password: string) => http.post<TSignInResponse>('/api/auth/sign-in', { email, password }),
  signOut: () => http.post<unknown>('/api/auth/sign-out'),
  signOutEverywhere: () => http.post<TSignOutEverywhereResponse>('/api/auth/sign-out-everywhere'),
  /** Always answers 202, whether or not the address is known. */
  requestMagicLink: (email: string) => http.post<unknown>('/api/auth/magic-link', { email }),
  verifyMagicLink: (token: string) => http.post<TSignInResponse>('/api/auth/magic-link/verify', { token }),
  sessions: () => http.get<TSessionList>('/api/auth/sessions'),
  endSession: (id: string) => http.delete<unknown>(`/api/auth/sessions/${encodeURIComponent(id)}`),
  devMail: () => http.get<TDevMailList>('/api/dev/mail'),
};
