/**
 * The entity current state (spec/ingest.md §6.1) as the fold works on it, and its conversions from
 * an ingested header and to/from an `entities` row.
 */
import type { JsonObject } from './ingestTypes';

export interface EntityState {
  guid: string;
  typeName: string;
  status: string;
  attributes: JsonObject;
  /** attachment objects keyed by their typeName */
  classifications: Map<string, JsonObject>;
  classificationNames: Set<string>;
  labels: Set<string>;
  isIncomplete: boolean | null;
  createdBy: string | null;
  createTime: number | null;
  updatedBy: string | null;
  updateTime: number | null;
  /** the other members of an ingested header (displayText, meanings, unknown ones) */
  extra: JsonObject;
}

/** One stored or new entity event, as the fold needs it. */
export interface FoldEvent {
  readonly entityId: string;
  readonly action: string;
  readonly typeName: string;
  readonly entityQualifiedName: string | null;
  readonly user: string;
  readonly timestamp: number;
  readonly created: number;
  readonly seq: bigint;
  readonly detail: JsonObject | null;
}

/** The fold's order: (timestamp, created, seq) ascending (§6.2). */
export function compareFoldEvents(a: FoldEvent, b: FoldEvent): number {
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  if (a.created !== b.created) return a.created - b.created;
  return a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0;
}

const HEADER_KEYS = new Set([
  'guid',
  'typeName',
  'status',
  'attributes',
  'classifications',
  'classificationNames',
  'labels',
  'isIncomplete',
  'createdBy',
  'createTime',
  'updatedBy',
  'updateTime',
]);

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function attachmentsFrom(list: unknown): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    if (isObject(item) && typeof item.typeName === 'string') out.set(item.typeName, item);
  }
  return out;
}

export function stringSet(list: unknown): Set<string> {
  return new Set(Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : []);
}

/** The state an ingested header stands for (§5.6 defaults: ACTIVE, {}, [], names from tags). */
export function stateFromHeader(header: JsonObject): EntityState {
  const classifications = attachmentsFrom(header.classifications);
  const extra: JsonObject = {};
  for (const [k, v] of Object.entries(header)) if (!HEADER_KEYS.has(k)) extra[k] = v;
  return {
    guid: str(header.guid) ?? '',
    typeName: str(header.typeName) ?? '',
    status: str(header.status) ?? 'ACTIVE',
    attributes: isObject(header.attributes) ? { ...header.attributes } : {},
    classifications,
    classificationNames: Array.isArray(header.classificationNames)
      ? stringSet(header.classificationNames)
      : new Set(classifications.keys()),
    labels: stringSet(header.labels),
    isIncomplete: typeof header.isIncomplete === 'boolean' ? header.isIncomplete : null,
    createdBy: str(header.createdBy),
    createTime: num(header.createTime),
    updatedBy: str(header.updatedBy),
    updateTime: num(header.updateTime),
    extra,
  };
}

/** Binary (code point) order, as COLLATE "C" and the surfaces sort keywords. */
export function compareCodePoints(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}

/** An `entities` row as stored (jsonb and text[] columns in their JSON forms). */
export interface EntityRow {
  tenant: string;
  guid: string;
  type_name: string;
  qualified_name: string | null;
  status: string;
  created_by: string | null;
  updated_by: string | null;
  attributes: JsonObject;
  classifications: JsonObject[];
  classification_names: string[];
  labels: string[];
  is_incomplete: boolean | null;
  create_time: number | null;
  update_time: number | null;
  extra: JsonObject;
  last_timestamp: number | null;
  last_created: number | null;
  last_seq: string | null;
}

export function stateToRow(tenant: string, s: EntityState, last: FoldEvent | null): EntityRow {
  const sortedNames = [...s.classifications.keys()].sort(compareCodePoints);
  return {
    tenant,
    guid: s.guid,
    type_name: s.typeName,
    qualified_name: str(s.attributes.qualifiedName),
    status: s.status,
    created_by: s.createdBy,
    updated_by: s.updatedBy,
    attributes: s.attributes,
    classifications: sortedNames.map((n) => s.classifications.get(n)!),
    classification_names: [...s.classificationNames].sort(compareCodePoints),
    labels: [...s.labels].sort(compareCodePoints),
    is_incomplete: s.isIncomplete,
    create_time: s.createTime,
    update_time: s.updateTime,
    extra: s.extra,
    last_timestamp: last?.timestamp ?? null,
    last_created: last?.created ?? null,
    last_seq: last === null ? null : last.seq.toString(),
  };
}

/** A stored row back into a state, for the incremental path. */
export function rowToState(row: {
  guid: string;
  type_name: string | null;
  status: string | null;
  created_by: string | null;
  updated_by: string | null;
  attributes: unknown;
  classifications: unknown;
  classification_names: string[] | null;
  labels: string[] | null;
  is_incomplete: boolean | null;
  create_time: string | number | null;
  update_time: string | number | null;
  extra: unknown;
}): EntityState {
  const n = (v: string | number | null): number | null => (v === null ? null : Number(v));
  return {
    guid: row.guid,
    typeName: row.type_name ?? '',
    status: row.status ?? 'ACTIVE',
    attributes: isObject(row.attributes) ? row.attributes : {},
    classifications: attachmentsFrom(row.classifications),
    classificationNames: new Set(row.classification_names ?? []),
    labels: new Set(row.labels ?? []),
    isIncomplete: row.is_incomplete,
    createdBy: row.created_by,
    createTime: n(row.create_time),
    updatedBy: row.updated_by,
    updateTime: n(row.update_time),
    extra: isObject(row.extra) ? row.extra : {},
  };
}
