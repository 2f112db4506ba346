import { messagingContracts } from '../../shared/api/messaging.contract.js';
import type { TWritingAdviceRequest } from '../../shared/api/messaging.schema.js';
import { api } from './http.js';

export const writingAdviceApi = {
  advise: (draft: TWritingAdviceRequest, signal?: AbortSignal) =>
    api(messagingContracts.writingAdvice, { body: draft, signal }),
};
