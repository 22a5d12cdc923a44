/** `ingest/atlan-record`: one element of an auditSearch `entityAudits` array (spec/ingest.md §5.2). */
import { anyString, epochMs, object, str, stringMap } from './schemaParts';

export const ATLAN_ACTIONS = [
  'ENTITY_CREATE',
  'ENTITY_UPDATE',
  'ENTITY_DELETE',
  'ENTITY_IMPORT_CREATE',
  'ENTITY_IMPORT_UPDATE',
  'ENTITY_IMPORT_DELETE',
  'CLASSIFICATION_ADD',
  'CLASSIFICATION_DELETE',
  'CLASSIFICATION_UPDATE',
  'PROPAGATED_CLASSIFICATION_ADD',
  'PROPAGATED_CLASSIFICATION_DELETE',
  'PROPAGATED_CLASSIFICATION_UPDATE',
  'TERM_ADD',
  'TERM_DELETE',
  'LABEL_ADD',
  'LABEL_DELETE',
  'ENTITY_PURGE',
  'BUSINESS_ATTRIBUTE_UPDATE',
  'CUSTOM_ATTRIBUTE_UPDATE',
] as const;

/** Atlas maps these the same way when it serves them. */
export const LEGACY_ACTIONS: Readonly<Record<string, string>> = {
  TAG_ADD: 'CLASSIFICATION_ADD',
  TAG_DELETE: 'CLASSIFICATION_DELETE',
  TAG_UPDATE: 'CLASSIFICATION_UPDATE',
};

export const atlanRecordSchema = {
  $id: 'ingest/atlan-record',
  type: 'object',
  'x-expected': 'a JSON object',
  required: ['entityId', 'action', 'typeName', 'user', 'timestamp', 'created'],
  additionalProperties: false,
  properties: {
    entityId: str(1, 255),
    action: {
      type: 'string',
      enum: [...ATLAN_ACTIONS, ...Object.keys(LEGACY_ACTIONS)],
      'x-expected': `one of ${ATLAN_ACTIONS.join(', ')} (or TAG_ADD, TAG_DELETE, TAG_UPDATE)`,
    },
    typeName: str(1, 255),
    entityQualifiedName: anyString(true),
    user: str(1, 255),
    timestamp: epochMs(),
    created: epochMs(),
    eventKey: anyString(true),
    detail: object(true),
    headers: stringMap(true),
    // members of an auditSearch response entry: accepted so a response can be posted back, ignored
    entityDetail: {},
    details: {},
    entity: {},
    type: {},
  },
  examples: [
    {
      entityId: 'g1',
      action: 'ENTITY_CREATE',
      typeName: 'Table',
      entityQualifiedName: 'db.orders',
      user: 'alice',
      timestamp: 1714557600000,
      created: 1714557600003,
      detail: { typeName: 'Table', guid: 'g1', attributes: { qualifiedName: 'db.orders' } },
      headers: { 'x-atlan-agent': 'sdk' },
    },
    {
      entityId: 'g1',
      action: 'TAG_ADD',
      typeName: 'Table',
      user: 'bob',
      timestamp: 1714557601000,
      created: 1714557601002,
      eventKey: 'g1:1714557601000',
      detail: { typeName: 'tagPII', entityGuid: 'g1' },
      entityDetail: null,
      details: null,
      entity: null,
      type: null,
    },
  ],
} as const;
