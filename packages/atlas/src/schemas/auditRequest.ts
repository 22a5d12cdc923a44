/**
 * JSON Schemas of this surface for the OpenAPI document (spec/atlas-admin-audits.md §3, §6, §8.3).
 * Documentation only: the parser (parseAtlasBody) owns validation and its messages, because the
 * spec orders errors in a way a schema validator cannot (parse before role, semantics after).
 */
const filterNode = {
  type: 'object',
  additionalProperties: false,
  properties: {
    condition: { enum: ['AND', 'OR', null] },
    criterion: { type: ['array', 'null'], items: { $ref: '#/$defs/filterNode' } },
    attributeName: { type: ['string', 'null'] },
    operator: { type: ['string', 'null'] },
    attributeValue: { type: ['string', 'number', 'boolean', 'null'] },
  },
} as const;

export const auditRequestSchema = {
  $id: 'atlas/audit-request',
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    auditFilters: { oneOf: [{ $ref: '#/$defs/filterNode' }, { type: 'null' }] },
    limit: { type: ['integer', 'string', 'null'], description: '1–10000; anything else means 100' },
    offset: { type: ['integer', 'string', 'null'] },
    sortBy: { type: ['string', 'null'] },
    sortOrder: { enum: ['ASCENDING', 'DESCENDING', null] },
  },
  $defs: { filterNode },
  examples: [
    {
      auditFilters: {
        condition: 'AND',
        criterion: [
          { attributeName: 'userName', operator: 'like', attributeValue: 'admin' },
          { attributeName: 'operation', operator: 'like', attributeValue: 'PURGE' },
        ],
      },
      limit: 10,
      offset: 0,
      sortBy: 'endTime',
      sortOrder: 'DESCENDING',
    },
  ],
} as const;

export const auditEntrySchema = {
  type: 'object',
  required: ['guid', 'userName', 'operation', 'startTime', 'resultCount'],
  properties: {
    guid: { type: 'string' },
    userName: { type: 'string' },
    operation: { type: 'string' },
    params: { type: 'string' },
    startTime: { type: 'integer' },
    endTime: { type: 'integer' },
    clientId: { type: 'string' },
    result: { type: 'string' },
    resultCount: { type: 'integer' },
    runId: { type: 'string' },
    auditRowKind: { enum: ['SINGLE', 'SUMMARY', 'BATCH'] },
  },
} as const;

export const entityAuditEventSchema = {
  type: 'object',
  required: [
    'entityId',
    'timestamp',
    'user',
    'action',
    'details',
    'eventKey',
    'entity',
    'type',
    'entityQualifiedName',
    'typeName',
    'created',
    'detail',
    'headers',
  ],
} as const;

export const atlasErrorSchema = {
  type: 'object',
  properties: {
    errorCode: { type: 'string' },
    errorMessage: { type: 'string' },
    errorId: { type: 'string' },
    error: { type: 'string' },
  },
} as const;
