import { authContracts } from '../../shared/api/auth.contract.js';
import { api } from './http.js';

export const authApi = {
  signIn: (email: string, password: string) => api(authContracts.signIn, { body: { email, password } }),
  signOut: () => api(authContracts.signOut),
  signOutEverywhere: () => api(authContracts.signOutEverywhere),
  /** Always answers 202, whether or not the address is known. */
  requestMagicLink: (email: string) => api(authContracts.requestMagicLink, { body: { email } }),
  verifyMagicLink: (token: string) => api(authContracts.verifyMagicLink, { body: { token } }),
  endSession: (sessionId: string) => api(authContracts.endSession, { params: { sessionId } }),
};
