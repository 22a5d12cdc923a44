/** The three Atlas endpoints' handlers, built from the server's ports (STYLE §2). */
import type { SurfaceHandler } from '@audit-gateway/ir';
import type { AtlasDeps } from './AtlasDeps';
import { createAdminAuditsHandler } from './adminAuditsHandler';
import { createAuditDetailsHandler } from './auditDetailsHandler';
import { createEntityAuditHandler } from './entityAuditHandler';

export interface AtlasHandlers {
  readonly adminAudits: SurfaceHandler;
  readonly auditDetails: SurfaceHandler;
  readonly entityAudit: SurfaceHandler;
}

export function createAtlasHandlers(deps: AtlasDeps): AtlasHandlers {
  return {
    adminAudits: createAdminAuditsHandler(deps),
    auditDetails: createAuditDetailsHandler(deps),
    entityAudit: createEntityAuditHandler(deps),
  };
}
