/**
 * The environment part of a query's scope (DESIGN §3, spec/atomic-audit-log.md §3.3). Only family
 * `request` has environments; rows of the other families have none, so nothing is added for them.
 */
import {
  AuditError,
  all,
  cmp,
  inList,
  type Family,
  type Predicate,
  type Principal,
  type Target,
} from '@audit-gateway/ir';

const ENVIRONMENT_ID = /^[A-Za-z0-9_.-]{1,128}$/;

export function environmentScope(who: Principal, family: Family, target: Target): Predicate {
  if (family !== 'request') return all();
  const admin = who.roles.includes('gateway:admin');
  const env = target.environment;
  if (env === undefined) {
    // no single environment asked for: the credential's whole list (an admin: its whole tenant)
    return admin ? all() : inList('environment', who.environments);
  }
  // a malformed id is answered like any inaccessible one, so a 403 reveals nothing
  if (!ENVIRONMENT_ID.test(env) || (!admin && !who.environments.includes(env))) {
    throw environmentNotAccessible(env);
  }
  return cmp('environment', 'eq', env);
}

export function environmentNotAccessible(env: string): AuditError {
  return new AuditError(
    'AQ430',
    `Environment ${JSON.stringify(env)} is not accessible with this credential`,
    { extra: { environment: env } },
  );
}
