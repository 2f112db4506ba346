import type { TDraftResult, TDraftTargetKind, TSaveDraft } from '../../shared/api/draft.schema.js';
import { http } from './http.js';

/** A composer's target: a new thread about a student, a reply in a thread, or a message to a class. */
export interface DraftTarget {
  schoolId: string;
  kind: TDraftTargetKind;
  targetId: string;
}

const draft = (target: DraftTarget) =>
  `/api/schools/${encodeURIComponent(target.schoolId)}/drafts/${encodeURIComponent(target.kind)}/${encodeURIComponent(target.targetId)}`;

export const draftsApi = {
  get: (target: DraftTarget, signal?: AbortSignal) => http.get<TDraftResult>(draft(target), { signal }),
  save: (target: DraftTarget, input: TSaveDraft) => http.put<TDraftResult>(draft(target), input),
  discard: (target: DraftTarget) => http.delete<{ ok: true }>(draft(target)),
};
