/**
 * Which environment a request reads (spec/atomic-audit-log.md §3.3), checked before the query
 * parameters (§3.5 step 4 before step 5). scope() repeats the check on every query as the one place
 * security lives; this early copy only fixes the order of answers. A malformed id, another
 * tenant's environment and one that holds nothing all get the same 403, apart from the echoed id.
 */
import { AuditError, type SurfaceRequest } from '@audit-gateway/ir';

const ENVIRONMENT_ID = /^[A-Za-z0-9_.-]{1,128}$/;

export function resolveEnvironment(req: SurfaceRequest): string {
  const who = req.principal;
  const fromPath = req.params.environmentId;
  if (fromPath === undefined) {
    const first = who.environments[0];
    if (first === undefined) {
      throw new AuditError(
        'AQ430',
        'This credential has no default environment; use /v1/{environmentId}/audit-log',
      );
    }
    return first;
  }
  const admin = who.roles.includes('gateway:admin');
  if (!ENVIRONMENT_ID.test(fromPath) || (!admin && !who.environments.includes(fromPath))) {
    throw new AuditError(
      'AQ430',
      `Environment ${JSON.stringify(fromPath)} is not accessible with this credential`,
      { extra: { environment: fromPath } },
    );
  }
  return fromPath;
}
