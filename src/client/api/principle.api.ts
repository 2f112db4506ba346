import type {
  TAdoptDraftBody,
  TAdoptedPrinciple,
  TCreateDraftBody,
  TPrincipleDraft,
  TPrinciplePresetsResponse,
  TPrincipleVersionsResponse,
  TPublicPrincipleResponse,
} from '../../shared/api/principle.schema.js';
import type { TPrinciple } from '../../shared/principle/principle.schema.js';
import type { Locale } from '../../shared/errors.js';
import { http } from './http.js';

const base = (schoolId: string) => `/api/schools/${encodeURIComponent(schoolId)}/principle`;

export const principleApi = {
  presets: () => http.get<TPrinciplePresetsResponse>('/api/principle-presets'),
  adopted: (schoolId: string) => http.get<TAdoptedPrinciple>(base(schoolId)),
  /** No sign-in: the page a school's website links to. */
  public: (slug: string, lang: Locale) =>
    http.get<TPublicPrincipleResponse>(`/api/public/schools/${encodeURIComponent(slug)}/principle`, {
      query: { lang },
    }),
  versions: (schoolId: string) => http.get<TPrincipleVersionsResponse>(`${base(schoolId)}/versions`),
  createDraft: (schoolId: string, body: TCreateDraftBody) =>
    http.post<TPrincipleDraft>(`${base(schoolId)}/draft`, body),
  draft: (schoolId: string) => http.get<TPrincipleDraft>(`${base(schoolId)}/draft`),
  saveDraft: (schoolId: string, principle: TPrinciple) =>
    http.put<TPrincipleDraft>(`${base(schoolId)}/draft`, { principle }),
  adoptDraft: (schoolId: string, body: TAdoptDraftBody) =>
    http.post<TAdoptedPrinciple>(`${base(schoolId)}/draft/adopt`, body),
  deleteDraft: (schoolId: string) => http.delete<unknown>(`${base(schoolId)}/draft`),
};
