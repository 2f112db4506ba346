import type { Db } from './db/database.js';
import type { AppDeps } from './deps.js';
import type { Locale } from '../shared/errors.js';
import { loadMembership, type Membership } from './policies/membership.js';
import { queuedJobsIn, type JobSignal } from './jobs/job-signal.js';

/** The signed-in user behind a request. */
export interface Actor {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  locale: Locale;
}

/**
 * What a use case receives: who acts, in which language, under which request id, with the
 * clock and the database (or the transaction of its unit of work). Plain data, no HTTP: the route
 * layer builds it from the request, parses headers into the input, and services never see
 * Fastify.
 */
export interface Context extends AppDeps {
  actor: Actor | null;
  locale: Locale;
  requestId: string;
  /** The actor's membership of a school, loaded once per request. Requires a signed-in actor. */
  membership(schoolId: string): Promise<Membership>;
}

/** A use case behind a policy that is not public: the actor is known. */
export interface SignedInContext extends Context {
  actor: Actor;
}

/** How a context is bound to another database handle (its unit of work's transaction). */
const BIND = Symbol('bind');
interface Bindable<C> {
  [BIND]?: (db: Db) => C;
}

/**
 * A context for one request (or one command run). Memberships are cached for its lifetime and
 * loaded through whichever handle the context holds, so a membership first asked for inside a
 * unit of work is read in its transaction (PGlite has one connection: a read beside the
 * transaction would wait for it forever).
 */
export function createContext<A extends Actor | null>(
  deps: AppDeps,
  who: { actor: A; locale: Locale; requestId: string; log?: AppDeps['log'] },
): A extends Actor ? SignedInContext : Context {
  const memberships = new Map<string, Promise<Membership>>();
  const bind = (db: Db): Context & Bindable<Context> => ({
    ...deps,
    ...who,
    log: who.log ?? deps.log,
    db,
    membership(schoolId) {
      const actor = who.actor;
      if (!actor) return Promise.reject(new Error('a membership needs a signed-in actor'));
      let m = memberships.get(schoolId);
      if (!m) memberships.set(schoolId, (m = loadMembership(db, actor.userId, schoolId, deps.clock.now())));
      return m;
    },
    [BIND]: bind,
  });
  return bind(deps.db) as A extends Actor ? SignedInContext : Context;
}

/**
 * One use case, one unit of work: runs `work` in a transaction and hands it a context whose `db`
 * is that transaction, so every row, audit entry, job and notification the use case writes
 * commits together or not at all. Inside a unit of work already, `work` joins it.
 */
export async function inTransaction<C extends { db: Db; jobs?: JobSignal }, T>(
  ctx: C,
  work: (tx: C) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  let transaction: Db | undefined;
  const result = await ctx.db.transaction().execute((trx) => {
    transaction = trx;
    const bind = (ctx as C & Bindable<C>)[BIND];
    return work(bind ? bind(trx) : { ...ctx, db: trx });
  });
  // Committed: jobs it queued that are due now need not wait for the loop's next poll.
  if (transaction && queuedJobsIn(transaction)) ctx.jobs?.queued();
  return result;
}
