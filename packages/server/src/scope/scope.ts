/**
 * The only place a caller's scope enters a query (STYLE §3.4, DESIGN §2.3/§3). It runs on every
 * request and every cursor page, and always overwrites whatever `scope`/`detailScope` the query
 * carried: nothing a parser or a caller wrote can widen them.
 */
import { and, cmp, type AuditQuery, type Principal, type Target } from '@audit-gateway/ir';
import { environmentScope } from './environmentScope';
import { policyPredicate } from './policyPredicate';

export function scope(who: Principal, q: AuditQuery, target: Target): AuditQuery {
  const env = environmentScope(who, q.family, target);
  const allow = policyPredicate(who.policy.allow, q.family, who.name);
  return {
    ...q,
    // family is repeated here so the scope alone names the rows a family-specific rule is about
    scope: and(cmp('tenant', 'eq', who.tenant), cmp('family', 'eq', q.family), env, allow),
    // `detail` only ever concerns entity events (DESIGN §3); policyPredicate skips the rest
    detailScope:
      q.family === 'entity' ? policyPredicate(who.policy.detail, q.family, who.name) : and(),
  };
}
