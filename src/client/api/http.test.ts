import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineContract } from '../../shared/api/contract.js';
import { messagingContracts } from '../../shared/api/messaging.contract.js';
import { principleContracts } from '../../shared/api/principle.contract.js';
import { ApiError } from './api-error.js';
import { api, contractUrl } from './http.js';

const threadId = '4d2c0f8e-6a57-4d4f-9d0e-0f1b2c3d4e5f';

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async () =>
    Promise.resolve(
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
      }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('contractUrl', () => {
  it('fills the path parameters, encoded, and appends the query without empty values', () => {
    expect(contractUrl(messagingContracts.thread, { params: { threadId } })).toBe(`/api/threads/${threadId}`);
    expect(contractUrl(principleContracts.public, { params: { slug: 'å skole/1' }, query: { lang: 'en' } })).toBe(
      '/api/public/schools/%C3%A5%20skole%2F1/principle?lang=en',
    );
    expect(contractUrl(messagingContracts.search, { query: { q: 'lejr & tur', extra: '', none: undefined } })).toBe(
      '/api/threads/search?q=lejr+%26+tur',
    );
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => contractUrl(messagingContracts.thread, { params: {} })).toThrow(/threadId is missing/);
  });
});

describe('api', () => {
  const contract = defineContract({
    method: 'POST',
    url: '/api/things/:thingId',
    params: z.object({ thingId: z.string() }),
    body: z.object({ name: z.string() }),
    response: z.object({ id: z.string(), count: z.number() }),
  });

  it('sends the method, JSON body and headers, and resolves with the parsed answer (unknown fields stripped)', async () => {
    const fetchMock = answer(200, { id: 'a', count: 2, secret: 'x' });
    const result = await api(contract, { params: { thingId: 't 1' }, body: { name: 'Ida' } });
    expect(result).toEqual({ id: 'a', count: 2 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/things/t%201');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"Ida"}');
    expect(init.headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/json' });
  });

  it('rejects an answer that does not fit the response schema as unexpected_response', async () => {
    answer(200, { id: 'a', count: 'two' });
    const failure = await api(contract, { params: { thingId: 't' }, body: { name: 'Ida' } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 200, code: 'unexpected_response', requestId: 'req-1' });
  });

  it('turns an error answer into an ApiError with its code, field and request id', async () => {
    answer(422, { error: { code: 'validation_failed', message: 'x', field: 'name', requestId: 'r-9' } });
    const failure = await api(contract, { params: { thingId: 't' }, body: { name: '' } }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 422, code: 'validation_failed', field: 'name', requestId: 'r-9' });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<() => Promise<Response>>(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api(messagingContracts.threads)).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('is typed by the contract: a route with path parameters cannot be called without them', async () => {
    answer(200, { threads: [] });
    // @ts-expect-error threadId is required by the contract's params
    const call = () => api(messagingContracts.thread);
    await expect(call).rejects.toThrow(/threadId is missing/);
  });
});
