import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '../api/api-error.js';

export type ApiResult<T> =
  | { status: 'loading'; reload(): void }
  | { status: 'ok'; data: T; reload(): void }
  | { status: 'error'; error: ApiError; reload(): void };

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'network', '', null, undefined, undefined);

/** Loads data for a page and reloads it when `deps` change or `reload()` is called. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiResult<T> {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ApiError }
  >({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reloading = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps the page on screen while it refreshes; a new page starts from loading.
    if (!reloading.current) setState({ status: 'loading' });
    reloading.current = false;
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
    // The caller names what the load depends on, as with useEffect itself.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => {
    reloading.current = true;
    setGeneration((g) => g + 1);
  }, []);
  return { ...state, reload } as ApiResult<T>;
}

/** Runs a user action (a form submit), tracking whether it is busy and its last error. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const actionRef = useRef(action);
  actionRef.current = action;
  const run = useCallback(async (...args: A): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await actionRef.current(...args);
    } catch (caught) {
      setError(asApiError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}
