/**
 * Schemas of this surface for the OpenAPI 3.0 document at /docs (spec/atlas-admin-audits.md §3,
 * §6, §8.3). Documentation only: parseAtlasBody owns validation and its messages, because the spec
 * orders errors in a way a schema validator cannot (parse before the role, semantics after it).
 * Self-contained (no $ref), so they embed anywhere in the document.
 */
const nullableString = { type: 'string', nullable: true } as const;
const integerOrText = {
  nullable: true,
  oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^[+-]?[0-9]*$' }],
} as const;

/** A criterion element has the same shape again; the nesting limit is 32 levels. */
const filterNode = {
  type: 'object',
  nullable: true,
  additionalProperties: false,
  properties: {
    condition: { type: 'string', enum: ['AND', 'OR'], nullable: true },
    criterion: {
      type: 'array',
      nullable: true,
      items: { type: 'object', nullable: true, description: 'a filter node (this shape again)' },
    },
    attributeName: nullableString,
    operator: nullableString,
    attributeValue: {
      nullable: true,
      oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
      description: '`in` takes a comma-separated string; timerange "<lo>,<hi>" or a named range',
    },
  },
} as const;

export const auditRequestSchema = {
  type: 'object',
  nullable: true,
  additionalProperties: false,
  properties: {
    auditFilters: filterNode,
    limit: { ...integerOrText, description: '1–10000; anything else means 100' },
    offset: integerOrText,
    sortBy: nullableString,
    sortOrder: { type: 'string', enum: ['ASCENDING', 'DESCENDING'], nullable: true },
  },
  example: {
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
    auditRowKind: { type: 'string', enum: ['SINGLE', 'SUMMARY', 'BATCH'] },
  },
} as const;

export const entityHeaderSchema = {
  type: 'object',
  properties: {
    typeName: { type: 'string' },
    guid: { type: 'string' },
    status: { type: 'string' },
    attributes: { type: 'object' },
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
  properties: {
    entityId: { type: 'string' },
    timestamp: { type: 'integer' },
    user: { type: 'string' },
    action: { type: 'string' },
    details: nullableString,
    eventKey: { type: 'string' },
    entityQualifiedName: nullableString,
    typeName: { type: 'string' },
    created: { type: 'integer' },
    detail: { type: 'object', nullable: true },
    headers: { type: 'object', nullable: true },
  },
} as const;

export const atlasErrorSchema = {
  type: 'object',
  description: 'an Atlas error {errorCode, errorMessage} or a framework error {error}',
  properties: {
    errorCode: { type: 'string' },
    errorMessage: { type: 'string' },
    errorId: { type: 'string' },
    error: { type: 'string' },
  },
} as const;
