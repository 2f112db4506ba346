import { draftContracts } from '../../shared/api/draft.contract.js';
import type { TDraftTargetKind, TSaveDraft } from '../../shared/api/draft.schema.js';
import { api } from './http.js';

/** A composer's target: a new thread about a student, a reply in a thread, or a message to a class. */
export interface DraftTarget {
  schoolId: string;
  kind: TDraftTargetKind;
  targetId: string;
}

const params = (target: DraftTarget) => ({
  schoolId: target.schoolId,
  targetKind: target.kind,
  targetId: target.targetId,
});

export const draftsApi = {
  get: (target: DraftTarget, signal?: AbortSignal) => api(draftContracts.get, { params: params(target), signal }),
  save: (target: DraftTarget, input: TSaveDraft) => api(draftContracts.save, { params: params(target), body: input }),
  discard: (target: DraftTarget) => api(draftContracts.discard, { params: params(target) }),
};
