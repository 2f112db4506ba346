import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { TDraftTargetKind } from '../../shared/api/draft.schema.js';

/** One writer's draft for one composer target at one school. */
export interface DraftKey {
  schoolId: string;
  personId: string;
  targetKind: TDraftTargetKind;
  targetId: string;
}

export interface DraftRow {
  subject: string;
  body: string;
  attachment_ids: string[];
  updated_at: Date;
}

/** The draft's row: its key is its school, its writer and its target. */
const isDraft = (key: DraftKey) => (eb: ExpressionBuilder<Database, 'drafts'>) =>
  eb.and([
    eb('school_id', '=', key.schoolId),
    eb('person_id', '=', key.personId),
    eb('target_kind', '=', key.targetKind),
    eb('target_id', '=', key.targetId),
  ]);

export function findDraft(db: Db, key: DraftKey): Promise<DraftRow | undefined> {
  return db
    .selectFrom('drafts')
    .select(['subject', 'body', 'attachment_ids', 'updated_at'])
    .where(isDraft(key))
    .executeTakeFirst();
}

/** Saves the draft, replacing the one before. */
export async function upsertDraft(
  db: Db,
  key: DraftKey,
  draft: { subject: string; body: string; attachmentIds: string[]; at: Date },
): Promise<void> {
  const values = {
    subject: draft.subject,
    body: draft.body,
    attachment_ids: JSON.stringify(draft.attachmentIds),
    updated_at: draft.at,
  };
  await db
    .insertInto('drafts')
    .values({
      school_id: key.schoolId,
      person_id: key.personId,
      target_kind: key.targetKind,
      target_id: key.targetId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['school_id', 'person_id', 'target_kind', 'target_id']).doUpdateSet(values))
    .execute();
}

export async function deleteDraft(db: Db, key: DraftKey): Promise<void> {
  await db.deleteFrom('drafts').where(isDraft(key)).execute();
}
