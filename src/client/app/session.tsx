import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import type { TMe } from '../../shared/api/directory.schema.js';
import { meApi } from '../api/me.api.js';
import { authApi } from '../api/auth.api.js';
import { applyLocale, storedLocale } from '../i18n/i18n.js';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: TMe }
  | { status: 'failed'; error: ApiError };

interface SessionValue {
  state: SessionState;
  me: TMe | null;
  /** Reloads /api/me, e.g. after signing in. */
  refresh(): Promise<TMe | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // Another person may sign in on this device next: nothing of this one's stays in the cache.
  const queryClient = useQueryClient();
  const person = useRef<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const me = await meApi.me();
      // Someone else signed in (a session that ran out, then another account): start afresh.
      if (person.current !== me.id) queryClient.clear();
      person.current = me.id;
      // A language chosen on this device wins; otherwise the account's saved language applies.
      if (!storedLocale()) await applyLocale(me.locale, { persist: false });
      setState({ status: 'signed-in', me });
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        queryClient.clear();
        person.current = null;
        setState({ status: 'signed-out' });
        return null;
      }
      setState({
        status: 'failed',
        error: error instanceof ApiError ? error : new ApiError(0, 'network', '', null, undefined, undefined),
      });
      return null;
    }
  }, [queryClient]);

  const signOut = useCallback(async () => {
    await authApi.signOut();
    queryClient.clear();
    person.current = null;
    setState({ status: 'signed-out' });
  }, [queryClient]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionValue>(
    () => ({ state, me: state.status === 'signed-in' ? state.me : null, refresh, signOut }),
    [state, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
