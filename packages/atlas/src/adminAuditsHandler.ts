/** E1, `POST /api/atlas/admin/audits` (spec/atlas-admin-audits.md §3–§6): parse → search → format. */
import type { SurfaceHandler } from '@audit-gateway/ir';
import type { AtlasDeps } from './AtlasDeps';
import { formatAtlasResponse } from './formatAtlasResponse';
import { parseAtlasSearch } from './parseAtlasSearch';

export function createAdminAuditsHandler(deps: AtlasDeps): SurfaceHandler {
  return async (req) => {
    const query = parseAtlasSearch(req.body, req.now);
    const page = await deps.search(query, { principal: req.principal, target: {} });
    return { status: 200, body: formatAtlasResponse(page) };
  };
}
