/**
 * The field catalogue (DESIGN §2.3): every canonical field, its column, its kind and what it
 * allows, per family. The compiler emits only columns taken from here, so no user string ever
 * becomes an SQL identifier. Surface names are mapped onto canonical names in `SURFACE_FIELDS`.
 */
import type { Family, Field } from './types';

export type FieldKind = 'keyword' | 'date' | 'number' | 'json' | 'seq' | 'txid';

export interface FieldSpec {
  readonly name: Field;
  readonly column: string;
  readonly kind: FieldKind;
  readonly families: readonly Family[];
  readonly sortable: boolean;
  readonly aggregatable: boolean;
  /** range comparisons (lt/lte/gt/gte); keywords range in binary order */
  readonly rangeable: boolean;
  /** usable by scope() and the Atomic tail only; a parser emitting it is a bug */
  readonly internal?: boolean;
}

const ALL_FAMILIES: readonly Family[] = ['entity', 'admin', 'request'];

function spec(
  name: Field,
  column: string,
  kind: FieldKind,
  families: readonly Family[],
  extra: Partial<Pick<FieldSpec, 'internal' | 'sortable' | 'aggregatable' | 'rangeable'>> = {},
): FieldSpec {
  const scalar = kind !== 'json';
  return Object.freeze({
    name,
    column,
    kind,
    families,
    sortable: extra.sortable ?? scalar,
    aggregatable: extra.aggregatable ?? scalar,
    rangeable: extra.rangeable ?? scalar,
    ...(extra.internal ? { internal: true } : {}),
  });
}

const SPECS: readonly FieldSpec[] = [
  spec('seq', 'seq', 'seq', ALL_FAMILIES, { aggregatable: false }),
  spec('tenant', 'tenant', 'keyword', ALL_FAMILIES, { internal: true }),
  spec('family', 'family', 'keyword', ALL_FAMILIES, { internal: true }),
  spec('generation', 'generation', 'number', ALL_FAMILIES, { internal: true }),
  spec('txid', 'txid', 'txid', ALL_FAMILIES, { internal: true, aggregatable: false }),
  spec('environment', 'environment', 'keyword', ['request']),
  spec('occurredAt', 'occurred_at', 'date', ALL_FAMILIES),
  spec('recordedAt', 'recorded_at', 'date', ALL_FAMILIES),
  spec('actor', 'actor', 'keyword', ALL_FAMILIES),
  spec('action', 'action', 'keyword', ALL_FAMILIES),
  // entity (Atlan entity audits)
  spec('entityId', 'entity_id', 'keyword', ['entity']),
  spec('entityQualifiedName', 'entity_qualified_name', 'keyword', ['entity']),
  spec('typeName', 'type_name', 'keyword', ['entity']),
  spec('eventKey', 'event_key', 'keyword', ['entity']),
  spec('detail', 'detail', 'json', ['entity']),
  spec('headers', 'headers', 'json', ['entity']),
  // admin (Atlas admin audits) and request (Atomic) share the external id
  spec('externalId', 'external_id', 'keyword', ['admin', 'request']),
  spec('params', 'params', 'keyword', ['admin']),
  spec('result', 'result', 'keyword', ['admin']),
  spec('clientId', 'client_id', 'keyword', ['admin']),
  spec('runId', 'run_id', 'keyword', ['admin']),
  spec('auditRowKind', 'audit_row_kind', 'keyword', ['admin']),
  spec('resultCount', 'result_count', 'number', ['admin']),
  // request (Atomic audit-log)
  spec('url', 'url', 'keyword', ['request']),
  spec('method', 'method', 'keyword', ['request']),
  spec('ip', 'ip', 'keyword', ['request']),
  spec('userAgent', 'user_agent', 'keyword', ['request']),
  spec('source', 'source', 'keyword', ['request']),
  spec('authType', 'auth_type', 'keyword', ['request']),
  spec('resourceType', 'resource_type', 'keyword', ['request']),
  spec('actionDescription', 'action_description', 'keyword', ['request']),
  spec('payload', 'payload', 'keyword', ['request']),
  spec('status', 'status', 'number', ['request']),
  spec('durationMs', 'duration_ms', 'number', ['request']),
  spec('auth', 'auth', 'json', ['request']),
  spec('query', 'query', 'json', ['request']),
];

const BY_NAME = new Map<Field, FieldSpec>(SPECS.map((s) => [s.name, s]));

/** The catalogue entry of `field` in `family`, or undefined (never an Object.prototype member). */
export function lookupField(family: Family, field: Field): FieldSpec | undefined {
  const s = BY_NAME.get(field);
  return s && s.families.includes(family) ? s : undefined;
}

export function fieldsOf(family: Family): readonly FieldSpec[] {
  return SPECS.filter((s) => s.families.includes(family));
}

/**
 * Each surface's public field names → canonical names (a Map, so `constructor` finds nothing).
 * Atlan `headers.<name>` and `detail.<path>` are JSON paths, resolved by the Atlan parser.
 */
export const SURFACE_FIELDS = {
  atlan: new Map<string, Field>([
    ['entityId', 'entityId'],
    ['entityQualifiedName', 'entityQualifiedName'],
    ['typeName', 'typeName'],
    ['action', 'action'],
    ['user', 'actor'],
    ['eventKey', 'eventKey'],
    ['created', 'recordedAt'],
    ['timestamp', 'occurredAt'],
  ]),
  atlas: new Map<string, Field>([
    ['userName', 'actor'],
    ['operation', 'action'],
    ['params', 'params'],
    ['startTime', 'occurredAt'],
    ['endTime', 'recordedAt'],
    ['clientId', 'clientId'],
    ['result', 'result'],
    ['resultCount', 'resultCount'],
    ['runId', 'runId'],
    ['auditRowKind', 'auditRowKind'],
  ]),
  atomic: new Map<string, Field>([
    ['created', 'recordedAt'],
    ['authType', 'authType'],
    ['source', 'source'],
    ['resourceType', 'resourceType'],
    ['actionType', 'action'],
    ['method', 'method'],
    ['status', 'status'],
  ]),
} as const;
