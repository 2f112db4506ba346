import type { TWritingAdvice, TWritingAdviceRequest } from '../../shared/api/messaging.schema.js';
import { http } from './http.js';

export const writingAdviceApi = {
  advise: (draft: TWritingAdviceRequest, signal?: AbortSignal) =>
    http.post<TWritingAdvice>('/api/writing-advice', draft, { signal }),
};
