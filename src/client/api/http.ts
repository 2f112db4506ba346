import type { Contract, ContractInput, ContractResponse } from '../../shared/api/contract.js';
import { ApiError } from './api-error.js';

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      response.status,
      error.code,
      typeof error.message === 'string' ? error.message : '',
      typeof error.requestId === 'string' ? error.requestId : null,
      typeof error.field === 'string' ? error.field : undefined,
      error.details,
    );
  }
  return new ApiError(
    response.status,
    response.status >= 500 ? 'internal' : 'unknown',
    '',
    response.headers.get('x-request-id'),
    undefined,
    undefined,
  );
}

/** A call's input: what the contract names (params, query, body, headers), and how to send it. */
export type ApiInput<C extends Contract> = ContractInput<C> & {
  /** A raw body with its content type (a CSV upload), for routes that take a file rather than JSON. */
  raw?: { body: Blob | string; contentType: string };
  signal?: AbortSignal;
};

interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: { body: Blob | string; contentType: string };
  signal?: AbortSignal;
}

/** The contract's path with its `:name` parameters filled in (encoded) and its query appended. */
export function contractUrl<C extends Contract>(contract: C, input: Pick<LooseInput, 'params' | 'query'> = {}): string {
  const path = contract.url.replace(/:(\w+)/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(`${contract.method} ${contract.url}: path parameter ${name} is missing`);
    }
    return encodeURIComponent(String(value as string | number));
  });
  return withQuery(path, input.query as Query | undefined);
}

/**
 * Checks an answer against the contract's response schema. A body that does not fit (a server of
 * another version, a proxy's page) is an `unexpected_response` error, never data the page trusts.
 */
export function parseResponse<C extends Contract>(
  contract: C,
  body: unknown,
  status: number,
  requestId: string | null,
): ContractResponse<C> {
  if (!contract.response) return undefined as ContractResponse<C>;
  const parsed = contract.response.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(status, 'unexpected_response', '', requestId, undefined, parsed.error.issues);
  }
  return parsed.data as ContractResponse<C>;
}

type Args<C extends Contract> = object extends ContractInput<C> ? [input?: ApiInput<C>] : [input: ApiInput<C>];

/**
 * Calls the route a contract describes: builds its URL from the path parameters and query, sends
 * the body as JSON (or the raw body), and resolves with the answer parsed by the contract's
 * response schema; throws `ApiError` for an error answer, a network failure or an answer that does
 * not fit the schema.
 */
export async function api<C extends Contract>(contract: C, ...[input]: Args<C>): Promise<ContractResponse<C>> {
  const call: LooseInput = input ?? {};
  const url = contractUrl(contract, call);
  const headers: Record<string, string> = { ...call.headers, accept: 'application/json' };
  let body: BodyInit | undefined;
  if (call.raw) {
    headers['content-type'] = call.raw.contentType;
    body = call.raw.body;
  } else if (call.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.body);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: contract.method,
      headers,
      body,
      credentials: 'same-origin',
      signal: call.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', '', null, undefined, undefined);
  }
  if (!response.ok) throw await toApiError(response);
  const requestId = response.headers.get('x-request-id');
  const text = response.status === 204 ? '' : await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, 'unexpected_response', '', requestId, undefined, undefined);
  }
  return parseResponse(contract, json, response.status, requestId);
}
