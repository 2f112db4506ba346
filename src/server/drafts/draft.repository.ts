import type { Db } from '../db/database.js';
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

const byKey = <Q extends { where: (...args: any[]) => Q }>(query: Q, key: DraftKey): Q =>
  query
    .where('school_id', '=', key.schoolId)
    .where('person_id', '=', key.personId)
    .where('target_kind', '=', key.targetKind)
    .where('target_id', '=', key.targetId);

export function findDraft(db: Db, key: DraftKey): Promise<DraftRow | undefined> {
  return byKey(
    db.selectFrom('drafts').select(['subject', 'body', 'attachment_ids', 'updated_at']),
    key,
  ).executeTakeFirst();
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
  await byKey(db.deleteFrom('drafts'), key).execute();
}
