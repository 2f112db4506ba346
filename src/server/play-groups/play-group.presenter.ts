import type { TApartPair, TPlayGroupHost } from '../../shared/api/play-group.schema.js';
import type { ApartPairRow, ChildRow, HostingRow, MemberRow } from './play-group.repository.js';

/** Children by first name, with the family name's initial where two of the class share a first name. */
export function firstNames(children: readonly ChildRow[]): Map<string, string> {
  const shared = new Map<string, number>();
  for (const c of children) shared.set(c.given_name, (shared.get(c.given_name) ?? 0) + 1);
  return new Map(
    children.map((c) => [
      c.id,
      (shared.get(c.given_name) ?? 0) > 1 && c.family_name
        ? `${c.given_name} ${c.family_name.charAt(0)}.`
        : c.given_name,
    ]),
  );
}

/** The rows of members as rounds of groups, each group with its children and its host. */
export function groupRounds(members: readonly MemberRow[]) {
  const rounds: {
    id: string;
    meetsOn: string;
    groups: { number: number; children: string[]; host: string | null }[];
  }[] = [];
  for (const r of members) {
    let round = rounds.at(-1);
    if (round?.id !== r.round_id) rounds.push((round = { id: r.round_id, meetsOn: r.meets_on, groups: [] }));
    let group = round.groups.at(-1);
    if (group?.number !== r.number) round.groups.push((group = { number: r.number, children: [], host: null }));
    group.children.push(r.student_id);
    if (r.hosts) group.host = r.student_id;
  }
  return rounds;
}

/**
 * The home a group meets in: the child's first name and the family's names that may be shown
 * (never a protected person's). A home that can no longer be named shows as none.
 */
export function hostOf(
  host: string | null,
  names: ReadonlyMap<string, string>,
  hosting: readonly HostingRow[],
): TPlayGroupHost | null {
  if (!host) return null;
  const family = hosting.find((h) => h.student_id === host)?.family ?? [];
  if (family.length === 0) return null;
  return { child: names.get(host) ?? '', family: family.join(' & ') };
}

export function presentApartPair(p: ApartPairRow, names: ReadonlyMap<string, string>): TApartPair {
  return {
    id: p.id,
    children: [p.student_a, p.student_b].map((id) => ({ id, name: names.get(id) ?? '' })),
    reason: p.reason,
    createdAt: p.created_at.toISOString(),
    createdBy: `${p.creator_given_name} ${p.creator_family_name}`.trim(),
  };
}
