/** Records of spec/ingest.md §11.1 (fixture G), already in the store's normalised shape. */
import type { AtlanRecord, AtlasEntry, JsonObject } from '../../src/ingest/ingestTypes';

export const T0 = 1714557600000;

export function atlan(
  r: Partial<AtlanRecord> & Pick<AtlanRecord, 'entityId' | 'action' | 'timestamp'>,
): AtlanRecord {
  return {
    typeName: 'Table',
    entityQualifiedName: null,
    user: 'alice',
    created: r.timestamp + 2,
    eventKey: `${r.entityId}:${r.timestamp}`,
    detail: null,
    headers: null,
    ...r,
  };
}

export const L1 = atlan({
  entityId: 'g1',
  action: 'ENTITY_CREATE',
  entityQualifiedName: 'db.orders',
  timestamp: T0,
  created: T0 + 3,
  detail: {
    typeName: 'Table',
    guid: 'g1',
    status: 'ACTIVE',
    attributes: {
      qualifiedName: 'db.orders',
      name: 'orders',
      description: 'first',
      certificateStatus: 'DRAFT',
    },
    createdBy: 'alice',
    createTime: T0,
    updatedBy: 'alice',
    updateTime: T0,
  },
  headers: { 'x-atlan-agent': 'sdk' },
});

export const L2 = atlan({
  entityId: 'g1',
  action: 'ENTITY_UPDATE',
  entityQualifiedName: 'db.orders',
  user: 'bob',
  timestamp: T0 + 1000,
  created: T0 + 1002,
  detail: {
    typeName: 'Table',
    guid: 'g1',
    attributes: { description: 'second', certificateStatus: null },
  },
});

export function g1Event(action: string, offset: number, detail: JsonObject | null): AtlanRecord {
  return atlan({
    entityId: 'g1',
    action,
    entityQualifiedName: 'db.orders',
    timestamp: T0 + offset,
    detail,
  });
}

/** Cases 12 to 14: the eight g1 events, oldest first. */
export const G1_HISTORY: AtlanRecord[] = [
  L1,
  L2,
  g1Event('CLASSIFICATION_ADD', 2000, { typeName: 'tagPII', entityGuid: 'g1', propagate: true }),
  g1Event('LABEL_ADD', 3000, { labels: 'gold pii' }),
  g1Event('LABEL_DELETE', 3500, { labels: 'gold' }),
  g1Event('CLASSIFICATION_DELETE', 4000, { typeName: 'tagPII' }),
  g1Event('ENTITY_DELETE', 5000, {
    typeName: 'Table',
    guid: 'g1',
    attributes: { qualifiedName: 'db.orders' },
  }),
  g1Event('ENTITY_PURGE', 6000, {
    typeName: 'Table',
    guid: 'g1',
    attributes: { qualifiedName: 'db.orders' },
  }),
];

export function atlasEntry(e: Partial<AtlasEntry> & Pick<AtlasEntry, 'guid'>): AtlasEntry {
  return {
    userName: 'admin',
    operation: 'PURGE',
    params: null,
    startTime: T0,
    endTime: null,
    clientId: null,
    result: null,
    resultCount: 0,
    runId: null,
    auditRowKind: null,
    ...e,
  };
}
