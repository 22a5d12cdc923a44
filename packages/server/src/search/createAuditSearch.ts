/**
 * The AuditSearch every surface is given (STYLE §3.5): checkFields → scope → run. A surface hands
 * in its parsed query; whatever `scope`/`detailScope` it carries is replaced by scope(), so the
 * caller's tenant, environments and policy are applied on every surface, page and aggregation.
 */
import { checkFields, type AuditQuery, type AuditSearch, type ResultPage } from '@audit-gateway/ir';
import { scope } from '../scope/scope';

export interface AuditSearchDeps {
  /** compile and run a scoped query (the store's repository) */
  run(q: AuditQuery): Promise<ResultPage>;
}

export function createAuditSearch(deps: AuditSearchDeps): AuditSearch {
  return async (query, ctx) => {
    // checkFields runs before scope(): scope may use internal fields a parser must never emit
    const checked = checkFields(query);
    const scoped = scope(ctx.principal, checked, ctx.target);
    return deps.run(scoped);
  };
}
