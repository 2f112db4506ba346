import { QueryClient, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Contract, ContractInput, ContractResponse } from '../../shared/api/contract.js';
import { ApiError } from '../api/api-error.js';
import { api, type ApiInput } from '../api/http.js';

export type ApiResult<T> =
  | { status: 'loading'; reload(): void }
  | { status: 'ok'; data: T; reload(): void }
  | { status: 'error'; error: ApiError; reload(): void };

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'network', '', null, undefined, undefined);

/**
 * The web app's cache of server state. No retries: an answer such as 404 or 403 is the page's
 * answer, shown at once. No refetch when the window regains focus, except where a query asks for
 * it (the unread count), so a form a reader is filling in is never re-seeded under them.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/**
 * A query's key: the contract's path, then its path parameters and query. Everything one route
 * answers shares the first element, so `invalidate(contract)` reaches every cached answer of it.
 */
export function queryKeyOf<C extends Contract>(
  contract: C,
  input: { params?: unknown; query?: unknown } = {},
): QueryKey {
  return [contract.url, input.params ?? null, input.query ?? null];
}

export interface QueryOptions {
  /** False while the query cannot be asked yet (no search words, no school). */
  enabled?: boolean;
  /** Asks again this often (ms), for state that changes in the background. */
  refetchInterval?: number;
  refetchOnWindowFocus?: boolean;
  /**
   * How long an answer no page shows stays cached (ms). 0 for answers a page copies into its own
   * state (a form's starting values, a thread's messages): opened again, it starts from a fresh one.
   */
  gcTime?: number;
}

/**
 * Loads what a contract answers, through the cache: one request per key however many parts of
 * the page ask, the cached answer shown at once when a page is opened again (and refreshed).
 */
export function useApiQuery<C extends Contract>(
  contract: C,
  input: ContractInput<C>,
  options: QueryOptions = {},
): ApiResult<ContractResponse<C>> {
  const call = input as ApiInput<C> & { params?: unknown; query?: unknown };
  const query = useQuery({
    queryKey: queryKeyOf(contract, call),
    queryFn: ({ signal }) =>
      (api as (c: C, i: ApiInput<C>) => Promise<ContractResponse<C>>)(contract, { ...call, signal }),
    ...options,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  if (query.status === 'success') return { status: 'ok', data: query.data, reload };
  if (query.status === 'error') return { status: 'error', error: asApiError(query.error), reload };
  return { status: 'loading', reload };
}

/** Marks every cached answer of these contracts (or of all, when none is named) stale; the ones on screen load again. */
export function useInvalidate() {
  const queryClient = useQueryClient();
  return useCallback(
    async (...contracts: Contract[]) => {
      if (contracts.length === 0) return queryClient.invalidateQueries();
      await Promise.all(contracts.map((contract) => queryClient.invalidateQueries({ queryKey: [contract.url] })));
    },
    [queryClient],
  );
}

/**
 * Runs a user action (a form submit) as a mutation, tracking whether it is busy and its last
 * error. After it succeeds, the cached answers it may have changed load again: those of the
 * contracts it `invalidates`, every one unless it names them (`[]` for an action that writes
 * nothing, such as fetching an older page).
 */
export function useAction<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
  { invalidates = 'all' }: { invalidates?: Contract[] | 'all' } = {},
) {
  const invalidate = useInvalidate();
  const [error, setError] = useState<ApiError | null>(null);
  const mutation = useMutation<T, unknown, A>({
    mutationFn: (args) => action(...args),
    onMutate: () => setError(null),
    onError: (caught) => setError(asApiError(caught)),
    onSuccess: async () => {
      if (invalidates === 'all') await invalidate();
      else if (invalidates.length > 0) await invalidate(...invalidates);
    },
  });
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      try {
        return await mutateAsync(args);
      } catch {
        return undefined;
      }
    },
    [mutateAsync],
  );
  return { run, busy: mutation.isPending, error, setError };
}
