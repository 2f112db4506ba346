/**
 * Which home each group of a round meets in, rotated fairly: in every group the child whose home
 * has hosted the fewest times so far hosts (ties: the one who hosted longest ago, never first,
 * then a fixed order). A home that may not host (declined, or no custody holder who can be
 * named) is never chosen; a group without such a home gets no host and agrees among itself.
 * Pure: the counts so far come in, the hosts go out.
 */
export interface HostHistory {
  /** Times each child's home has hosted in the rounds kept. */
  count: ReadonlyMap<string, number>;
  /** The latest kept round (0-based, in date order) each child's home hosted in. */
  lastRound: ReadonlyMap<string, number>;
}

export function chooseHost(
  group: readonly string[],
  mayHost: (childId: string) => boolean,
  count: ReadonlyMap<string, number>,
  lastRound: ReadonlyMap<string, number>,
): string | null {
  let best: string | null = null;
  for (const child of group) {
    if (!mayHost(child)) continue;
    if (best === null) {
      best = child;
      continue;
    }
    const [c, b] = [count.get(child) ?? 0, count.get(best) ?? 0];
    const [lc, lb] = [lastRound.get(child) ?? -1, lastRound.get(best) ?? -1];
    if (c < b || (c === b && (lc < lb || (lc === lb && child < best)))) best = child;
  }
  return best;
}

/** The host of every group of every new round, after the history of the rounds kept. */
export function assignHosts(
  rounds: readonly (readonly (readonly string[])[])[],
  mayHost: (childId: string) => boolean,
  history: HostHistory & { rounds: number },
): (string | null)[][] {
  const count = new Map(history.count);
  const lastRound = new Map(history.lastRound);
  return rounds.map((round, index) =>
    round.map((group) => {
      const host = chooseHost(group, mayHost, count, lastRound);
      if (host !== null) {
        count.set(host, (count.get(host) ?? 0) + 1);
        lastRound.set(host, history.rounds + index);
      }
      return host;
    }),
  );
}
