/**
 * RequestFacts → the row the recorder writes (spec/atomic-audit-log.md §9.2-§9.6). Authenticated
 * requests go to the credential's tenant, unauthenticated ones to `_system`, and both always to the
 * reserved environment `_gateway`, never to a customer environment (a tail of a customer environment
 * must never be fed by its own polls). Only `User-Agent` of all headers is kept.
 */
import type { RequestFacts } from '../app/types';
import { uuidv7 } from '@audit-gateway/store';
import { queryObject } from './queryObject';
import { recordedPayload } from './recordedPayload';
import { recordSpecOf } from './recordSpecOf';
import type { RequestEventRow } from './requestEventRow';

export const GATEWAY_ENVIRONMENT = '_gateway';
export const SYSTEM_TENANT = '_system';
/** Recorded when the client went away before a response status was sent (§9.3). */
export const CLIENT_CLOSED = 499;

export function normaliseIp(ip: string): string | null {
  if (ip === '') return null;
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
}

export function toRequestEvent(facts: RequestFacts): RequestEventRow {
  const who = facts.principal;
  const spec = recordSpecOf(facts);
  // truncated, never rounded: the stored value must be exactly the rendered one (§5.2)
  const created = Math.trunc(facts.completedAt);
  const durationMs = Math.round(facts.durationMs * 1000) / 1000;
  const externalId = uuidv7(created);
  return {
    id: uuidv7(created),
    external_id: externalId,
    natural_key: externalId,
    tenant: who ? who.tenant : SYSTEM_TENANT,
    environment: GATEWAY_ENVIRONMENT,
    family: 'request',
    occurred_at: new Date(Math.trunc(created - durationMs)),
    recorded_at: new Date(created),
    actor: who ? who.name : null,
    action: spec.action,
    url: facts.path,
    method: facts.method.toUpperCase(),
    ip: normaliseIp(facts.ip),
    user_agent: facts.userAgent ?? null,
    source: spec.source,
    auth_type: who ? 'clientCredentials' : null,
    resource_type: spec.resourceType,
    action_description: spec.description,
    payload: recordedPayload({ body: facts.body, contentType: facts.contentType }),
    status: facts.headersSent === false ? CLIENT_CLOSED : facts.status,
    duration_ms: durationMs,
    // clientId is the credential's id, never its name or secret (§9.5)
    auth: who
      ? JSON.stringify({
          type: 'clientCredentials',
          clientId: who.credentialId,
          scheme: who.scheme,
        })
      : null,
    query: JSON.stringify(queryObject(facts.query)),
  };
}
