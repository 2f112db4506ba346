import type { z, ZodType } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What server and client agree on for one route: its method, its path with `:name` parameters,
 * and the Zod schemas of what travels. The server's route spreads it (`defineRoute({ ...contract,
 * policy, handler })`) and the client's `api(contract, input)` builds its request from it, so the
 * two cannot drift apart.
 */
export interface Contract {
  method: HttpMethod;
  url: string;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** Request headers the route reads (e.g. the idempotency key). */
  headers?: ZodType;
  /** The success body's schema; the client parses every answer with it. */
  response?: ZodType;
  /** Success status (200 unless set). */
  status?: number;
  /** Routes that answer with something other than JSON (files, HTML, redirects). */
  produces?: string;
}

export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}

type In<S> = S extends ZodType ? z.input<S> : never;

/** What a caller of the contract sends: path parameters, query, body and headers, each as its schema accepts it. */
export type ContractInput<C extends Contract> = (C['params'] extends ZodType ? { params: In<C['params']> } : unknown) &
  (C['query'] extends ZodType ? { query?: In<C['query']> } : unknown) &
  (C['body'] extends ZodType ? { body: In<C['body']> } : unknown) &
  (C['headers'] extends ZodType ? { headers?: In<C['headers']> } : unknown);

/** What the contract answers, as its response schema parses it. */
export type ContractResponse<C extends Contract> = C['response'] extends ZodType ? z.output<C['response']> : undefined;
