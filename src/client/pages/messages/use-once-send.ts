import { useRef } from 'react';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import { useAction } from '../../app/query.js';

/**
 * A send that is safe to retry and to double-click: one idempotency key per compose attempt,
 * kept until the send succeeds, and a second click while sending does nothing.
 */
export function useOnceSend<A extends unknown[]>(send: (key: string, ...args: A) => Promise<unknown>) {
  const key = useRef(newIdempotencyKey());
  const sending = useRef(false);
  // A sent message changes the lists it appears in and who has read a thread's newest message.
  const action = useAction(
    async (...args: A) => {
      await send(key.current, ...args);
      key.current = newIdempotencyKey();
    },
    {
      invalidates: [
        messagingContracts.threads,
        messagingContracts.search,
        messagingContracts.readers,
        messagingContracts.brokenPromises,
        messagingContracts.urgentUses,
      ],
    },
  );
  const run = async (...args: A) => {
    if (sending.current) return;
    sending.current = true;
    try {
      await action.run(...args);
    } finally {
      sending.current = false;
    }
  };
  return { ...action, run };
}
