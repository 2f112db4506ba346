import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allContracts } from '../shared/api/contracts.js';
import { allRoutes } from './routes.js';
import { startTestApp, type TestApp } from './testing/test-app.js';

describe('the route table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has no route twice', () => {
    const keys = allRoutes.map((r) => `${r.method} ${r.url}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('gives every JSON route a response schema, so no field leaves the server unless a presenter chose it', () => {
    const unchecked = allRoutes
      .filter((r) => !r.response && !r.produces && !r.hidden)
      .map((r) => `${r.method} ${r.url}`);
    expect(unchecked).toEqual([]);
  });

  it('serves every shared contract as written, so the client cannot call a route the server does not have', () => {
    const FIELDS = ['params', 'query', 'body', 'headers', 'response', 'status', 'produces'] as const;
    const drifted = Object.entries(allContracts).flatMap(([area, contracts]) =>
      Object.entries(contracts)
        .filter(([, contract]) => {
          const route = allRoutes.find((r) => r.method === contract.method && r.url === contract.url);
          return !route || FIELDS.some((field) => route[field] !== contract[field]);
        })
        .map(([name]) => `${area}.${name}`),
    );
    expect(drifted).toEqual([]);
  });

  it('documents every visible route in the OpenAPI document with its method', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing = allRoutes
      .filter((r) => !r.hidden)
      .filter((r) => {
        const path = r.url.replace(/:(\w+)/g, '{$1}');
        return !doc.paths[path]?.[r.method.toLowerCase()];
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });
});
