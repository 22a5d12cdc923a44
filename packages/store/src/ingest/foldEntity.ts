/**
 * The entity current-state fold (spec/ingest.md §6.2–6.3): a pure function, so the incremental path
 * and the full recomputation apply exactly the same rules, and tests can check it without SQL.
 */
import { attachmentsFrom, stringSet, type EntityState, type FoldEvent } from './entityState';
import type { JsonObject } from './ingestTypes';

/** Where a fold starts: nothing, a stored header, or a state already folded up to `last`. */
export interface FoldStart {
  readonly state: EntityState | null;
  /** true once anything was applied (or a header exists): no implicit start after a purge */
  readonly started: boolean;
  /** the header's updateTime: events at or before it are skipped */
  readonly skipThrough: number | null;
}

export interface FoldResult {
  readonly state: EntityState | null;
  /** the last event the fold looked at (not skipped by the header) */
  readonly last: FoldEvent | null;
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const CREATES = new Set(['ENTITY_CREATE', 'ENTITY_IMPORT_CREATE']);
const UPDATES = new Set(['ENTITY_UPDATE', 'ENTITY_IMPORT_UPDATE', 'CUSTOM_ATTRIBUTE_UPDATE']);
const TAG_SETS = new Set([
  'CLASSIFICATION_ADD',
  'CLASSIFICATION_UPDATE',
  'PROPAGATED_CLASSIFICATION_ADD',
  'PROPAGATED_CLASSIFICATION_UPDATE',
]);
const TAG_REMOVES = new Set(['CLASSIFICATION_DELETE', 'PROPAGATED_CLASSIFICATION_DELETE']);
const DELETES = new Set(['ENTITY_DELETE', 'ENTITY_IMPORT_DELETE']);

function withoutNulls(attrs: unknown): JsonObject {
  const out: JsonObject = {};
  if (!isObject(attrs)) return out;
  for (const [k, v] of Object.entries(attrs)) if (v !== null) out[k] = v;
  return out;
}

function fromCreate(e: FoldEvent): EntityState {
  const d = e.detail ?? {};
  const classifications = attachmentsFrom(d.classifications);
  return {
    guid: e.entityId,
    typeName: typeof d.typeName === 'string' ? d.typeName : e.typeName,
    status: typeof d.status === 'string' ? d.status : 'ACTIVE',
    attributes: withoutNulls(d.attributes),
    classifications,
    classificationNames: new Set(classifications.keys()),
    labels: stringSet(d.labels),
    isIncomplete: typeof d.isIncomplete === 'boolean' ? d.isIncomplete : null,
    createdBy: typeof d.createdBy === 'string' ? d.createdBy : e.user,
    createTime: typeof d.createTime === 'number' ? d.createTime : e.timestamp,
    updatedBy: null,
    updateTime: null,
    extra: {},
  };
}

/** History that began before ingestion: the first applied event is not a create. */
function implicitStart(e: FoldEvent): EntityState {
  return {
    guid: e.entityId,
    typeName: e.typeName,
    status: 'ACTIVE',
    attributes: e.entityQualifiedName === null ? {} : { qualifiedName: e.entityQualifiedName },
    classifications: new Map(),
    classificationNames: new Set(),
    labels: new Set(),
    isIncomplete: null,
    createdBy: null,
    createTime: null,
    updatedBy: null,
    updateTime: null,
    extra: {},
  };
}

function labelsOf(detail: JsonObject | null): string[] {
  const raw = detail?.labels;
  return typeof raw === 'string' ? raw.split(' ').filter((l) => l !== '') : [];
}

/** Applies a non-create, non-purge event to an existing state, in place. */
function applyEffect(s: EntityState, e: FoldEvent): void {
  const d = e.detail;
  if (UPDATES.has(e.action)) {
    if (isObject(d?.attributes)) {
      for (const [k, v] of Object.entries(d.attributes)) {
        if (v === null) delete s.attributes[k];
        else s.attributes[k] = v;
      }
    }
  } else if (TAG_SETS.has(e.action)) {
    if (d && typeof d.typeName === 'string') {
      s.classifications.set(d.typeName, d);
      s.classificationNames.add(d.typeName);
    }
  } else if (TAG_REMOVES.has(e.action)) {
    if (d && typeof d.typeName === 'string') {
      s.classifications.delete(d.typeName);
      s.classificationNames.delete(d.typeName);
    }
  } else if (e.action === 'LABEL_ADD') {
    for (const l of labelsOf(d)) s.labels.add(l);
  } else if (e.action === 'LABEL_DELETE') {
    for (const l of labelsOf(d)) s.labels.delete(l);
  } else if (DELETES.has(e.action)) {
    s.status = 'DELETED';
  }
  // BUSINESS_ATTRIBUTE_UPDATE, TERM_ADD, TERM_DELETE: no header change
}

/** Folds `events` (already in compareFoldEvents order) onto `start`. `start.state` is mutated. */
export function foldEntity(start: FoldStart, events: readonly FoldEvent[]): FoldResult {
  let s = start.state;
  let started = start.started;
  let last: FoldEvent | null = null;
  for (const e of events) {
    if (start.skipThrough !== null && e.timestamp <= start.skipThrough) continue;
    last = e;
    if (e.action === 'ENTITY_PURGE') {
      s = null;
      started = true;
      continue;
    }
    if (CREATES.has(e.action)) {
      s = fromCreate(e);
    } else {
      // after a purge nothing but a create brings the asset back
      if (s === null && started) continue;
      s ??= implicitStart(e);
      applyEffect(s, e);
    }
    started = true;
    s.updatedBy = e.user;
    s.updateTime = e.timestamp;
  }
  return { state: s, last };
}
