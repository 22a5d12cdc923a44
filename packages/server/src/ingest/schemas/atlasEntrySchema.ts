/** `ingest/atlas-entry`: one AtlasAuditEntry from `admin/audits` (spec/ingest.md §5.3). */
import { anyString, enumOf, epochMs, integer, str } from './schemaParts';

export const ATLAS_OPERATIONS = [
  'PURGE',
  'AUTO_PURGE',
  'EXPORT',
  'IMPORT',
  'IMPORT_DELETE_REPL',
  'TYPE_DEF_CREATE',
  'TYPE_DEF_UPDATE',
  'TYPE_DEF_DELETE',
  'SERVER_START',
  'SERVER_STATE_ACTIVE',
] as const;

export const atlasEntrySchema = {
  $id: 'ingest/atlas-entry',
  type: 'object',
  'x-expected': 'a JSON object',
  required: ['guid', 'userName', 'operation', 'startTime'],
  additionalProperties: false,
  properties: {
    guid: {
      type: 'string',
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      'x-expected': 'a lower-case UUID',
    },
    userName: str(1, 255),
    operation: enumOf(ATLAS_OPERATIONS),
    params: anyString(true),
    startTime: epochMs(),
    endTime: epochMs(true),
    clientId: anyString(true),
    result: anyString(true),
    resultCount: integer(0, true),
    runId: anyString(true),
    auditRowKind: enumOf(['SINGLE', 'SUMMARY', 'BATCH'], true),
  },
  examples: [
    {
      guid: 'aaaaaaaa-0000-4000-8000-000000000001',
      userName: 'admin',
      operation: 'PURGE',
      params: '[g3, g9]',
      startTime: 1714557610000,
      endTime: 1714557610200,
      clientId: '10.0.0.1',
      result: 'g3,g9',
      resultCount: 2,
    },
    {
      guid: 'aaaaaaaa-0000-4000-8000-000000000002',
      userName: 'bob',
      operation: 'EXPORT',
      startTime: 1714557600000,
      result: '{"hive_table":1}',
    },
  ],
} as const;
