/**
 * The Atlan routes' handlers (STYLE §3.5): parse → search → format. The server has already
 * authenticated, read the body and checked the role; `now` is the request's one clock reading.
 */
import type { SurfaceHandler } from '@audit-gateway/ir';
import { parseAtlanBody } from '../parseAtlanBody';
import { parseEsDsl } from '../dsl/parseEsDsl';
import { formatAtlanResponse } from '../format/formatAtlanResponse';
import type { AtlanDeps } from './AtlanDeps';
import { buildTypedefsResponse, requestedCategories } from './buildTypedefsResponse';

export function createAtlanHandlers(deps: AtlanDeps): {
  auditSearch: SurfaceHandler;
  typedefs: SurfaceHandler;
} {
  return {
    async auditSearch(req) {
      const body = parseAtlanBody(req.body);
      const parsed = parseEsDsl(body.dsl, req.now);
      const page = await deps.search(parsed.query, { principal: req.principal, target: {} });
      // only rows whose detail the caller may see show an entityDetail (spec §6.4)
      const guids = page.rows.flatMap((r) => (r.detailVisible && r.entityId ? [r.entityId] : []));
      const states = await deps.loadEntityHeaders(req.principal.tenant, guids);
      return {
        status: 200,
        body: formatAtlanResponse(
          page,
          parsed.query.total,
          parsed.aggPlans,
          states,
          body.attributes,
        ),
      };
    },
    async typedefs(req) {
      const categories = requestedCategories(req.query);
      const rows = await deps.loadTypedefs(req.principal.tenant, categories);
      return { status: 200, body: buildTypedefsResponse(categories, rows) };
    },
  };
}
