import type { KeptShare } from './replies.js';

/**
 * "Households reached" (specs/principle-figures.md): of the school's households, those the
 * collaboration reached this school year — a guardian read a message, or the home booked or held
 * a conference. Beside it the equity view: the same share for homes by language and for children
 * with one home or two. Pure: the rows come from the caller.
 */

/** A custody guardian of a child at the school, as the directory records them. */
export interface HomeRow {
  /** The household's id, or `person:<id>` for a guardian recorded without one. */
  household: string;
  personId: string;
  studentId: string;
  classId: string;
  /** The guardian's language (ISO 639-1). */
  language: string;
}

/** One household as the figure counts it, once for each class it has a child in. */
export interface HouseholdFact {
  household: string;
  classId: string;
  /** Danish when a guardian of the household reads Danish; `other` when none does. */
  language: 'da' | 'other';
  /** A child of the household also lives in another household of the school's records. */
  twoHomes: boolean;
  /** When the collaboration reached the home: messages read, conferences booked or held. */
  reachedAt: readonly Date[];
}

/**
 * The households of the rows, one fact per household and class, with the moments each was
 * reached: a read by one of its guardians (`reads` by person) or a conference event of the
 * household itself (`conferenceEvents` by household).
 */
export function householdFacts(
  homes: readonly HomeRow[],
  reads: ReadonlyMap<string, readonly Date[]>,
  conferenceEvents: ReadonlyMap<string, readonly Date[]>,
): HouseholdFact[] {
  const householdsOfStudent = new Map<string, Set<string>>();
  for (const row of homes) {
    const set = householdsOfStudent.get(row.studentId) ?? new Set<string>();
    set.add(row.household);
    householdsOfStudent.set(row.studentId, set);
  }
  const households = new Map<
    string,
    { classes: Set<string>; danish: boolean; twoHomes: boolean; reachedAt: Date[]; people: Set<string> }
  >();
  for (const row of homes) {
    const h = households.get(row.household) ?? {
      classes: new Set<string>(),
      danish: false,
      twoHomes: false,
      reachedAt: [...(conferenceEvents.get(row.household) ?? [])],
      people: new Set<string>(),
    };
    h.classes.add(row.classId);
    h.danish ||= row.language === 'da';
    h.twoHomes ||= (householdsOfStudent.get(row.studentId)?.size ?? 0) > 1;
    if (!h.people.has(row.personId)) {
      h.people.add(row.personId);
      h.reachedAt.push(...(reads.get(row.personId) ?? []));
    }
    households.set(row.household, h);
  }
  return [...households].flatMap(([household, h]) =>
    [...h.classes].map((classId) => ({
      household,
      classId,
      language: h.danish ? ('da' as const) : ('other' as const),
      twoHomes: h.twoHomes,
      reachedAt: h.reachedAt,
    })),
  );
}

/**
 * Of the households among `facts` (each counted once, whatever its number of classes), those
 * reached in [from, to).
 */
export function householdsReached(facts: readonly HouseholdFact[], from: Date, to: Date): KeptShare {
  const counted = new Set<string>();
  const kept = new Set<string>();
  for (const f of facts) {
    counted.add(f.household);
    if (f.reachedAt.some((at) => at >= from && at < to)) kept.add(f.household);
  }
  return {
    counted: counted.size,
    kept: kept.size,
    share: counted.size ? kept.size / counted.size : null,
    people: counted.size,
  };
}
