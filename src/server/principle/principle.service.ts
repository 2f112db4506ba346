import { inTransaction } from '../context.js';
import { DateTime } from 'luxon';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Locale } from '../../shared/errors.js';
import { ZPrinciple, type TPrinciple } from '../../shared/principle/principle.schema.js';
import type {
  TAdoptedPrinciple,
  TCreateDraftBody,
  TPrincipleDraft,
  TPrinciplePresetsResponse,
  TPrincipleVersionsResponse,
  TPublicPrincipleResponse,
} from '../../shared/api/principle.schema.js';
import { describePrinciple } from '../../domain/principle/describe.js';
import type { AdoptedVersion } from '../../domain/principle/in-force.js';
import {
  findPreset,
  GUIDEPOST_ASPECTS,
  PRINCIPLE_PRESETS,
  principleForSchool,
} from '../../domain/principle/presets.js';
import {
  deleteDraft,
  insertVersion,
  isPrincipleUniqueViolation,
  markDraftAdopted,
  selectAdoptedVersions,
  selectNextVersionNumber,
  selectSchoolBySlug,
  selectSchoolName,
  selectVersionById,
  selectVersionByStatus,
  selectVersionsWithRecorder,
  supersedeAdopted,
  updateDraftContent,
  lockSchoolPrinciple,
  type PrincipleVersionRow,
} from './principle.repository.js';

/**
 * A principle change as one unit of work that holds the school's principle lock: principle
 * writes of one school run one after another, which keeps "max + 1" version numbers and the
 * draft/adopted checks honest; the partial unique indexes stay the last line.
 */
function withPrincipleLock<T>(db: Db, schoolId: string, work: (trx: Db) => Promise<T>): Promise<T> {
  return inTransaction({ db }, async (tx) => {
    await lockSchoolPrinciple(tx.db, schoolId);
    return work(tx.db);
  });
}

const SCHOOL_TIME_ZONE = 'Europe/Copenhagen';
/** A school without a principle starts from Balleskolen's, the most complete of the seeds. */
const DEFAULT_PRESET_ID = 'seed-002';

type PrincipleDeps = { db: Db; clock: Clock };

/** Stored content is checked on the way out too, so a row written by older code cannot reach a reader unchecked. */
const principleOf = (row: PrincipleVersionRow): TPrinciple => ZPrinciple.parse(row.content);

function presentAdopted(row: PrincipleVersionRow): TAdoptedPrinciple {
  if (!row.adopted_on || !row.adopted_by)
    throw new Error(`adopted principle version ${row.id} lacks its adoption record`);
  return {
    id: row.id,
    version: row.version,
    adoptedOn: row.adopted_on,
    adoptedBy: row.adopted_by,
    basedOnPreset: row.based_on_preset,
    principle: principleOf(row),
  };
}

function presentDraft(row: PrincipleVersionRow): TPrincipleDraft {
  return {
    id: row.id,
    version: row.version,
    basedOnPreset: row.based_on_preset,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    principle: principleOf(row),
  };
}

export function listPresets(): TPrinciplePresetsResponse {
  return { presets: [...PRINCIPLE_PRESETS], aspects: [...GUIDEPOST_ASPECTS] };
}

/** The principle the school works by now, for other features to compute from. */
export async function findAdoptedPrinciple(
  db: Db,
  schoolId: string,
): Promise<{ version: number; principle: TPrinciple; adoptedOn: string } | null> {
  const row = await selectVersionByStatus(db, schoolId, 'adopted');
  if (!row) return null;
  const adopted = presentAdopted(row);
  return { version: adopted.version, principle: adopted.principle, adoptedOn: adopted.adoptedOn };
}

/**
 * Every version the board has adopted, oldest first, so a figure can measure each event against
 * the version in force on its day (`versionInForceOn`).
 */
export async function findAdoptedHistory(db: Db, schoolId: string): Promise<AdoptedVersion<TPrinciple>[]> {
  const rows = await selectAdoptedVersions(db, schoolId);
  return rows.map((row) => ({ version: row.version, adoptedOn: row.adopted_on!, principle: principleOf(row) }));
}

export async function getAdoptedPrinciple(db: Db, schoolId: string): Promise<TAdoptedPrinciple> {
  const row = await selectVersionByStatus(db, schoolId, 'adopted');
  if (!row) throw new AppError('principle_no_adopted');
  return presentAdopted(row);
}

/** The adopted principle for the school's website: never a draft. */
export async function getPublicPrinciple(db: Db, slug: string, locale: Locale): Promise<TPublicPrincipleResponse> {
  const school = await selectSchoolBySlug(db, slug);
  if (!school) throw new AppError('not_found');
  const adopted = await getAdoptedPrinciple(db, school.id);
  return {
    school: { name: school.name, slug: school.slug },
    version: adopted.version,
    adoptedOn: adopted.adoptedOn,
    adoptedBy: adopted.adoptedBy,
    principle: adopted.principle,
    description: describePrinciple(adopted.principle, locale),
  };
}

export async function listPrincipleVersions(db: Db, schoolId: string): Promise<TPrincipleVersionsResponse> {
  const rows = await selectVersionsWithRecorder(db, schoolId);
  return {
    versions: rows.map((row) => ({
      id: row.id,
      version: row.version,
      status: row.status,
      basedOnPreset: row.based_on_preset,
      adoptedOn: row.adopted_on,
      adoptedBy: row.adopted_by,
      recordedBy:
        row.recorded_by && row.recorder_given_name !== null
          ? { personId: row.recorded_by, name: `${row.recorder_given_name} ${row.recorder_family_name ?? ''}`.trim() }
          : null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      principle: principleOf(row),
    })),
  };
}

export async function getDraft(db: Db, schoolId: string): Promise<TPrincipleDraft> {
  const row = await selectVersionByStatus(db, schoolId, 'draft');
  if (!row) throw new AppError('principle_no_draft', { status: 404 });
  return presentDraft(row);
}

type DraftStart = { principle: TPrinciple; basedOnPreset: string | null };

/** A preset as the school takes it: its texts name the school (presets are templates). */
async function presetForSchool(db: Db, schoolId: string, presetId: string, field?: string) {
  const preset = findPreset(presetId);
  if (!preset) throw new AppError('unknown_preset', field ? { field } : {});
  const schoolName = await selectSchoolName(db, schoolId);
  if (schoolName === undefined) throw new AppError('not_found');
  return { principle: principleForSchool(preset.principle, schoolName), basedOnPreset: preset.id };
}

/**
 * Starts the school's one draft: from a preset, from an earlier version, or by default from the
 * adopted version (or the default preset when nothing is adopted yet).
 */
export async function createDraft(
  deps: PrincipleDeps,
  schoolId: string,
  from: TCreateDraftBody,
): Promise<TPrincipleDraft> {
  const now = deps.clock.now();
  try {
    return await withPrincipleLock(deps.db, schoolId, async (trx) => {
      if (await selectVersionByStatus(trx, schoolId, 'draft')) throw new AppError('principle_draft_exists');
      let start: DraftStart;
      if (from.fromPreset) {
        start = await presetForSchool(trx, schoolId, from.fromPreset, 'fromPreset');
      } else if (from.fromVersion) {
        const row = await selectVersionById(trx, schoolId, from.fromVersion);
        if (!row) throw new AppError('not_found', { field: 'fromVersion' });
        start = { principle: principleOf(row), basedOnPreset: row.based_on_preset };
      } else {
        const adopted = await selectVersionByStatus(trx, schoolId, 'adopted');
        start = adopted
          ? { principle: principleOf(adopted), basedOnPreset: adopted.based_on_preset }
          : await presetForSchool(trx, schoolId, DEFAULT_PRESET_ID);
      }
      const row = await insertVersion(trx, {
        schoolId,
        version: await selectNextVersionNumber(trx, schoolId),
        status: 'draft',
        content: start.principle,
        basedOnPreset: start.basedOnPreset,
        adoptedOn: null,
        adoptedBy: null,
        recordedBy: null,
        now,
      });
      return presentDraft(row);
    });
  } catch (error) {
    // The lock serialises our own writers; the unique index still answers for anything else.
    if (isPrincipleUniqueViolation(error)) throw new AppError('principle_draft_exists');
    throw error;
  }
}

export async function saveDraft(
  deps: PrincipleDeps,
  schoolId: string,
  principle: TPrinciple,
): Promise<TPrincipleDraft> {
  const row = await updateDraftContent(deps.db, schoolId, ZPrinciple.parse(principle), deps.clock.now());
  if (!row) throw new AppError('principle_no_draft');
  return presentDraft(row);
}

export async function discardDraft(db: Db, schoolId: string): Promise<void> {
  if (!(await deleteDraft(db, schoolId))) throw new AppError('principle_no_draft', { status: 404 });
}

/** Today's date at the school, YYYY-MM-DD. */
const schoolToday = (now: Date) => DateTime.fromJSDate(now, { zone: SCHOOL_TIME_ZONE }).toISODate()!;

/**
 * Records the board's adoption of the draft: in one transaction the adopted version becomes
 * superseded and the draft becomes the adopted version, so the school always has at most one
 * principle in force and its history only grows.
 */
export async function adoptDraft(
  deps: PrincipleDeps,
  schoolId: string,
  adoption: { adoptedOn: string; adoptedBy: string; recordedBy: string | null },
): Promise<TAdoptedPrinciple> {
  const now = deps.clock.now();
  if (adoption.adoptedOn > schoolToday(now)) throw new AppError('principle_adopted_on_future', { field: 'adoptedOn' });
  return withPrincipleLock(deps.db, schoolId, async (trx) => {
    if (!(await selectVersionByStatus(trx, schoolId, 'draft'))) throw new AppError('principle_no_draft');
    const current = await selectVersionByStatus(trx, schoolId, 'adopted');
    if (current?.adopted_on && adoption.adoptedOn < current.adopted_on) {
      throw new AppError('principle_adopted_on_before_current', {
        field: 'adoptedOn',
        params: { date: current.adopted_on },
      });
    }
    await supersedeAdopted(trx, schoolId, now);
    const adopted = await markDraftAdopted(trx, schoolId, { ...adoption, now });
    if (!adopted) throw new AppError('principle_no_draft');
    return presentAdopted(adopted);
  });
}

/**
 * Gives a school a preset as its adopted principle in one step, superseding any adopted
 * version; a draft in progress is left alone. Used by the demo generator and school set-up.
 */
export async function adoptPreset(
  db: Db,
  input: {
    schoolId: string;
    presetId: string;
    adoptedOn: string;
    adoptedBy: string;
    recordedBy: string | null;
    now: Date;
    /** The board's own changes to the preset, adopted with it. */
    adjust?: (principle: TPrinciple) => TPrinciple;
  },
): Promise<TAdoptedPrinciple> {
  if (!findPreset(input.presetId)) throw new AppError('unknown_preset');
  return withPrincipleLock(db, input.schoolId, async (trx) => {
    const preset = await presetForSchool(trx, input.schoolId, input.presetId);
    await supersedeAdopted(trx, input.schoolId, input.now);
    const row = await insertVersion(trx, {
      schoolId: input.schoolId,
      version: await selectNextVersionNumber(trx, input.schoolId),
      status: 'adopted',
      content: input.adjust ? ZPrinciple.parse(input.adjust(preset.principle)) : preset.principle,
      basedOnPreset: preset.basedOnPreset,
      adoptedOn: input.adoptedOn,
      adoptedBy: input.adoptedBy,
      recordedBy: input.recordedBy,
      now: input.now,
    });
    return presentAdopted(row);
  });
}
