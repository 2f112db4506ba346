import { principleContracts } from '../../shared/api/principle.contract.js';
import type { TAdoptDraftBody, TCreateDraftBody } from '../../shared/api/principle.schema.js';
import type { TPrinciple } from '../../shared/principle/principle.schema.js';
import { api } from './http.js';

export const principleApi = {
  createDraft: (schoolId: string, body: TCreateDraftBody) =>
    api(principleContracts.createDraft, { params: { schoolId }, body }),
  saveDraft: (schoolId: string, principle: TPrinciple) =>
    api(principleContracts.saveDraft, { params: { schoolId }, body: { principle } }),
  adoptDraft: (schoolId: string, body: TAdoptDraftBody) =>
    api(principleContracts.adoptDraft, { params: { schoolId }, body }),
  deleteDraft: (schoolId: string) => api(principleContracts.deleteDraft, { params: { schoolId } }),
};
