import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../context.js';
import { AppError } from '../errors.js';
import type { Locale } from '../../shared/errors.js';
import type { ErrorCode } from '../../shared/errors.js';
import { ZEmail } from '../../shared/api/auth.schema.js';
import { importDirectoryRows } from '../directory-import/directory-import.service.js';
import { MAX_CELL_LENGTH } from '../directory-import/import-format.js';
import { createDraft } from '../principle/principle.service.js';
import { requestMagicLink } from '../auth/magic-link.service.js';
import { insertSchool, isSchoolSlugTaken } from './school.repository.js';

/** A school's slug names it in addresses (its public principle page): lowercase a–z, digits and single hyphens. */
export const SCHOOL_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SCHOOL_NAME_LENGTH = 120;
export const MAX_SCHOOL_SLUG_LENGTH = 60;
/** The administrator's id in the school's directory when none is given; a later import can name the same id. */
export const DEFAULT_ADMINISTRATOR_ID = 'admin';

export const ZCreateSchool = z.object({
  name: z.string().trim().min(2).max(MAX_SCHOOL_NAME_LENGTH),
  slug: z.string().trim().min(2).max(MAX_SCHOOL_SLUG_LENGTH).regex(SCHOOL_SLUG_PATTERN),
  municipality: z.string().trim().max(MAX_CELL_LENGTH).default(''),
  administrator: z.object({
    email: ZEmail,
    /** Given and family name: the last word is the family name. */
    name: z
      .string()
      .trim()
      .max(MAX_CELL_LENGTH)
      .regex(/^\S+(\s+\S+)+$/),
    /** The person's id in the school's own administrative system, as a later directory import names it. */
    externalId: z.string().trim().min(1).max(MAX_CELL_LENGTH).default(DEFAULT_ADMINISTRATOR_ID),
  }),
});
export type TCreateSchoolInput = z.input<typeof ZCreateSchool>;
export type TCreateSchool = z.output<typeof ZCreateSchool>;

const CODE_BY_FIELD: Record<string, ErrorCode> = {
  name: 'school_name_invalid',
  slug: 'school_slug_invalid',
  'administrator.email': 'school_administrator_email_invalid',
  'administrator.name': 'school_administrator_name_invalid',
};

/** Checks a new school's details, failing with the error of the first field that is wrong. */
export function parseCreateSchool(input: TCreateSchoolInput): TCreateSchool {
  const parsed = ZCreateSchool.safeParse(input);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]!.path.join('.');
  const value = field.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], input);
  const code = CODE_BY_FIELD[field] ?? 'validation_failed';
  throw new AppError(code, { field, params: { value: typeof value === 'string' ? value : '' } });
}

export interface SchoolCreated {
  schoolId: string;
  name: string;
  slug: string;
  administrator: { email: string; name: string };
  /** False when the sign-in link could not be sent; the administrator can ask for one on the sign-in page. */
  linkSent: boolean;
}

/** Who wrote the administrator's row, as the school's import history shows it. */
const CREATED_BY = 'samspil school create';

/**
 * Creates a school and its first administrator in one unit of work: the school, the
 * administrator as the school's first member of staff (through the directory import, which makes
 * or finds their login by e-mail), and a draft principle from the default preset for the
 * leadership to edit and record the board's adoption of. After it has committed, the
 * administrator is mailed a sign-in link: they have no password.
 */
export async function createSchool(
  deps: AppDeps,
  input: TCreateSchoolInput,
  locale: Locale = 'da',
): Promise<SchoolCreated> {
  const school = parseCreateSchool(input);
  const { administrator } = school;
  const now = deps.clock.now();
  const words = administrator.name.split(/\s+/);
  const schoolId = await inTransaction(deps, async (tx) => {
    let id: string;
    try {
      id = await insertSchool(tx.db, { slug: school.slug, name: school.name, municipality: school.municipality });
    } catch (error) {
      if (isSchoolSlugTaken(error))
        throw new AppError('school_slug_taken', { field: 'slug', params: { value: school.slug } });
      throw error;
    }
    await importDirectoryRows(
      tx.db,
      {
        headers: {
          type: 'type',
          id: 'id',
          given_name: 'given_name',
          family_name: 'family_name',
          email: 'email',
          roles: 'roles',
        },
        rows: [
          {
            line: 2,
            values: {
              type: 'staff',
              id: administrator.externalId,
              given_name: words.slice(0, -1).join(' '),
              family_name: words.at(-1)!,
              email: administrator.email,
              roles: 'administrator',
            },
          },
        ],
        encoding: 'utf-8',
        delimiter: ',',
      },
      { schoolId: id, fileName: CREATED_BY, dryRun: false, byName: CREATED_BY, now, locale },
    );
    await createDraft(tx, id, {});
    return id;
  });
  let linkSent = true;
  try {
    await requestMagicLink(deps, administrator.email, now);
  } catch (error) {
    deps.log.error({ err: error }, 'the new administrator’s sign-in link could not be sent');
    linkSent = false;
  }
  return {
    schoolId,
    name: school.name,
    slug: school.slug,
    administrator: { email: administrator.email, name: administrator.name },
    linkSent,
  };
}
