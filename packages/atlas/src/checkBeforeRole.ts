/**
 * The parse-stage checks of each endpoint, for `Route.checkBeforeRole`: they must answer before
 * the privilege check (spec/atlas-admin-audits.md §2.5), so a non-admin with a malformed body or
 * bad query parameters gets 400, not 403. The handlers run the same pure checks again.
 */
import type { SurfaceRequest } from '@audit-gateway/ir';
import { parseAtlasBody } from './parseAtlasBody';
import { parseAuditDetailsParams } from './parseAuditDetailsParams';
import { parseEntityAuditParams } from './parseEntityAuditParams';

export function checkAdminAuditsRequest(req: SurfaceRequest): void {
  parseAtlasBody(req.body);
}

export function checkAuditDetailsRequest(req: SurfaceRequest): void {
  parseAuditDetailsParams(req.query);
}

export function checkEntityAuditRequest(req: SurfaceRequest): void {
  parseEntityAuditParams(req.query);
}
