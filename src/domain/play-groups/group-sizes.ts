/**
 * The sizes of the groups of one round, largest first: groups of exactly `groupSize` when the
 * class divides evenly; otherwise one group more (sizes `groupSize` and `groupSize - 1`), as a
 * larger group would meet more classmates than there are other groups (a child of a group of 5
 * among 4 groups shares a group with someone already met from the second round on); failing that,
 * one group fewer, then any number of groups that keeps the rules. Sizes differ by at most one and
 * are `groupSize ± 1`; undefined when no number of groups keeps that (e.g. 7 children in groups of 5).
 */
export function groupSizes(children: number, groupSize: number): number[] | undefined {
  const even = Math.ceil(children / groupSize);
  const candidates = [even, Math.floor(children / groupSize)];
  for (let groups = 1; groups <= children; groups++) candidates.push(groups);
  for (const groups of candidates) {
    if (groups < 1) continue;
    const small = Math.floor(children / groups);
    const large = Math.ceil(children / groups);
    if (small < Math.max(1, groupSize - 1) || large > groupSize + 1) continue;
    const largeCount = children - small * groups;
    return Array.from({ length: groups }, (_, i) => (i < largeCount ? large : small));
  }
  return undefined;
}
