/**
 * A schema-valid Atomic entry → the store's normalised entry, with the tenancy checks of
 * spec/ingest.md §2 and §5.4: organisationId, the writer's environments, reserved sources and
 * names, and `created` being a real calendar instant.
 */
import type { AtomicEntry, JsonObject } from '@audit-gateway/store';
import type { IngestContext } from './IngestContext';

type Problem = { pointer: string; reason: string };

const OWN_SOURCES = ['workbench-api', 'client-api', 'customer-api'];
const GATEWAY_SOURCES = ['atlan-api', 'atlas-api', 'atomic-api', 'ingest-api', 'gateway-api'];

const opt = <T>(v: unknown): T | null => (v === undefined || v === null ? null : (v as T));

/** epoch ms of an exact `YYYY-MM-DDTHH:mm:ss.sssZ`, or undefined when no such instant exists. */
export function parseCreated(text: string): number | undefined {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2024-02-30 over to March; a real instant prints back identically
  return new Date(ms).toISOString() === text ? ms : undefined;
}

export function toAtomicEntry(
  raw: JsonObject,
  ctx: IngestContext,
): { entry: AtomicEntry; problems: Problem[] } {
  const problems: Problem[] = [];
  const source = raw.source as string;
  if (GATEWAY_SOURCES.includes(source)) {
    problems.push({ pointer: '/source', reason: "reserved for the gateway's own records" });
  } else if (!OWN_SOURCES.includes(source)) {
    problems.push({ pointer: '/source', reason: `must be one of ${OWN_SOURCES.join(', ')}` });
  }
  const org = raw.organisationId;
  if (typeof org === 'string' && org !== ctx.tenant) {
    problems.push({
      pointer: '/organisationId',
      reason: `must be the tenant id "${ctx.tenant}" of the credential`,
    });
  }
  const env = raw.environmentId as string;
  if (env.startsWith('_')) {
    problems.push({
      pointer: '/environmentId',
      reason: 'environment names starting with _ are reserved for the gateway',
    });
  } else if (ctx.environments !== 'any' && !ctx.environments.includes(env)) {
    problems.push({
      pointer: '/environmentId',
      reason: `environment "${env}" is not one this writer may use`,
    });
  }
  const created = parseCreated(raw.created as string);
  if (created === undefined) {
    problems.push({ pointer: '/created', reason: 'must be a real calendar instant' });
  }
  const action = opt<JsonObject>(raw.action);
  const resource = opt<JsonObject>(raw.resource);
  const entry: AtomicEntry = {
    id: raw.id as string,
    url: raw.url as string,
    status: raw.status as number,
    auth: raw.auth as JsonObject,
    ip: opt<string>(raw.ip),
    userAgent: opt<string>(raw.userAgent),
    method: raw.method as string,
    query: opt<JsonObject>(raw.query),
    payload: opt<string>(raw.payload),
    source,
    environmentId: env,
    time: opt<number>(raw.time),
    resource: resource === null ? null : { type: resource.type as string },
    action:
      action === null
        ? null
        : { type: action.type as string, description: opt<string>(action.description) },
    created: created ?? 0,
  };
  return { entry, problems };
}
