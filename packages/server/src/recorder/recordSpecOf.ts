/**
 * The recorder's route-table view (spec/atomic-audit-log.md §9.4) for one finished request: the
 * matched route's names; a known path with a method it does not serve keeps the path's source and
 * resource with action `unknown`; anything else is the gateway's "no matching route".
 */
import type { RecordSpec, RequestFacts } from '../app/types';

const NO_ROUTE: RecordSpec = {
  source: 'gateway-api',
  resourceType: 'unknown',
  action: 'unknown',
  description: 'No matching route',
};

export function recordSpecOf(facts: RequestFacts): RecordSpec {
  const spec = facts.record;
  if (!spec) return NO_ROUTE;
  // the pipeline answers 405 only for a known path whose method it does not serve
  if (facts.status === 405)
    return { ...spec, action: 'unknown', description: 'Method not allowed' };
  return spec;
}
