/**
 * The handlers of `/api/v1/credentials` (spec/credentials.md §3). Authentication, method, media
 * type, body limit, JSON shape and role are checked by the pipeline in the spec's order; these
 * handlers start at step 7. Every operation stays in the caller's tenant.
 */
import {
  AuditError,
  type Principal,
  type SurfaceHandler,
  type SurfaceRequest,
  type SurfaceResponse,
} from '@audit-gateway/ir';
import type { Db } from '@audit-gateway/store';
import { createCredential } from './createCredential';
import { listCredentials, NameTakenError, revokeCredential } from './credentialStore';
import { parseCreateBody } from './parseCreateBody';
import { toView } from './types';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Step 5, before the role check: the POST body must be a JSON object. */
export function requireObjectBody(req: SurfaceRequest): void {
  if (req.method !== 'POST') return;
  const body = req.body;
  if (
    body.kind !== 'json' ||
    typeof body.value !== 'object' ||
    body.value === null ||
    Array.isArray(body.value)
  ) {
    throw new AuditError('AQ150', 'The request body must be a JSON object');
  }
}

/** Steps 7 and 8. */
function checkCaller(req: SurfaceRequest): Principal {
  const who = req.principal;
  if (Object.keys(who.policy).length > 0) {
    throw new AuditError(
      'AQ432',
      'Credential management needs a credential whose policy is {}: a restricted credential must not create one that reads more',
    );
  }
  if (who.tenant.startsWith('_')) {
    throw new AuditError(
      'AQ431',
      `Credentials of tenant ${who.tenant} are managed with the CLI only`,
    );
  }
  const first = req.query[0];
  if (first) {
    throw new AuditError(
      'AQ140',
      `Unknown query parameter ${JSON.stringify(first[0])}: this route takes none`,
      {
        extra: { parameter: first[0] },
      },
    );
  }
  return who;
}

export function createCredentialHandlers(deps: { db: Db; clock: () => number }): {
  create: SurfaceHandler;
  list: SurfaceHandler;
  revoke: SurfaceHandler;
} {
  const { db, clock } = deps;
  return {
    async create(req): Promise<SurfaceResponse> {
      const who = checkCaller(req);
      const body = req.body.kind === 'json' ? (req.body.value as Record<string, unknown>) : {};
      const spec = parseCreateBody(body, who.tenant);
      try {
        const { row, secret } = await createCredential(db, spec, { now: clock() });
        const secretKey = spec.kind === 'token' ? 'token' : 'password';
        return { status: 201, headers: NO_STORE, body: { ...toView(row), [secretKey]: secret } };
      } catch (e) {
        if (e instanceof NameTakenError) {
          // the detail never says which tenant holds the name (password names span tenants)
          throw new AuditError(
            'AQ160',
            `The credential name ${JSON.stringify(spec.name)} is already taken`,
          );
        }
        throw e;
      }
    },

    async list(req): Promise<SurfaceResponse> {
      const who = checkCaller(req);
      const rows = await listCredentials(db, who.tenant);
      return { status: 200, headers: NO_STORE, body: { data: rows.map(toView) } };
    },

    async revoke(req): Promise<SurfaceResponse> {
      const who = checkCaller(req);
      const id = req.params.id ?? '';
      const row = await revokeCredential(db, id, clock(), who.tenant);
      if (!row) throw new AuditError('AQ161', `No credential has the id ${JSON.stringify(id)}`);
      return { status: 200, headers: NO_STORE, body: toView(row) };
    },
  };
}
