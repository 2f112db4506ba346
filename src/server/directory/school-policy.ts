import type { z, ZodType } from 'zod';
import type { Policy, SignedInContext } from '../http/route.js';
import type { Membership } from '../policies/membership.js';

/**
 * A route policy for `/api/schools/:schoolId/…`: loads the actor's membership of that school
 * and asks a rule from policies/rules.ts. The params schema is passed only to type the rule.
 */
export function atSchool<S extends ZodType<{ schoolId: string }>>(
  _params: S,
  name: string,
  rule: (m: Membership, params: z.output<S>, ctx: SignedInContext) => boolean | Promise<boolean>,
): Policy<any, any, any> {
  return {
    kind: 'signed-in',
    name,
    check: async (ctx, input) => {
      const params = input.params as z.output<S>;
      return rule(await ctx.membership(params.schoolId), params, ctx);
    },
  };
}
