import { principleContracts } from '../../shared/api/principle.contract.js';
import type { TAdoptDraftBody, TCreateDraftBody } from '../../shared/api/principle.schema.js';
import type { TPrinciple } from '../../shared/principle/principle.schema.js';
import type { Locale } from '../../shared/errors.js';
import { api } from './http.js';

export const principleApi = {
  presets: () => api(principleContracts.presets),
  adopted: (schoolId: string) => api(principleContracts.adopted, { params: { schoolId } }),
  /** No sign-in: the page a school's website links to. */
  public: (slug: string, lang: Locale) => api(principleContracts.public, { params: { slug }, query: { lang } }),
  versions: (schoolId: string) => api(principleContracts.versions, { params: { schoolId } }),
  createDraft: (schoolId: string, body: TCreateDraftBody) =>
    api(principleContracts.createDraft, { params: { schoolId }, body }),
  draft: (schoolId: string) => api(principleContracts.draft, { params: { schoolId } }),
  saveDraft: (schoolId: string, principle: TPrinciple) =>
    api(principleContracts.saveDraft, { params: { schoolId }, body: { principle } }),
  adoptDraft: (schoolId: string, body: TAdoptDraftBody) =>
    api(principleContracts.adoptDraft, { params: { schoolId }, body }),
  deleteDraft: (schoolId: string) => api(principleContracts.deleteDraft, { params: { schoolId } }),
};
