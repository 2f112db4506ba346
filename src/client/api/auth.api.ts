import { authContracts, devMailContracts, oidcContracts } from '../../shared/api/auth.contract.js';
import { api } from './http.js';

export const authApi = {
  providers: () => api(oidcContracts.providers),
  signIn: (email: string, password: string) => api(authContracts.signIn, { body: { email, password } }),
  signOut: () => api(authContracts.signOut),
  signOutEverywhere: () => api(authContracts.signOutEverywhere),
  /** Always answers 202, whether or not the address is known. */
  requestMagicLink: (email: string) => api(authContracts.requestMagicLink, { body: { email } }),
  verifyMagicLink: (token: string) => api(authContracts.verifyMagicLink, { body: { token } }),
  sessions: () => api(authContracts.sessions),
  endSession: (sessionId: string) => api(authContracts.endSession, { params: { sessionId } }),
  devMail: () => api(devMailContracts.list),
};
