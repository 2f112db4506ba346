import { describe, expect, it } from 'vitest';
import { messagingContracts } from '../../shared/api/messaging.contract.js';
import { createQueryClient, queryKeyOf } from './query.js';

const threadId = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('query keys', () => {
  it('key each answer by its contract path, path parameters and query', () => {
    expect(queryKeyOf(messagingContracts.thread, { params: { threadId: threadId(1) } })).toEqual([
      '/api/threads/:threadId',
      { threadId: threadId(1) },
      null,
    ]);
    expect(queryKeyOf(messagingContracts.search, { query: { q: 'lejr' } })).toEqual([
      '/api/threads/search',
      null,
      { q: 'lejr' },
    ]);
  });

  it('let one contract be invalidated in all its cached answers and no other contract', async () => {
    const client = createQueryClient();
    const first = queryKeyOf(messagingContracts.thread, { params: { threadId: threadId(1) } });
    const second = queryKeyOf(messagingContracts.thread, { params: { threadId: threadId(2) } });
    const list = queryKeyOf(messagingContracts.threads);
    for (const key of [first, second, list]) client.setQueryData(key, { cached: true });

    await client.invalidateQueries({ queryKey: [messagingContracts.thread.url] });

    expect(client.getQueryState(first)?.isInvalidated).toBe(true);
    expect(client.getQueryState(second)?.isInvalidated).toBe(true);
    expect(client.getQueryState(list)?.isInvalidated).toBe(false);
  });
});
