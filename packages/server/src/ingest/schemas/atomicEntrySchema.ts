/** `ingest/atomic-entry`: one element of an Atomic audit-log `data` array (spec/ingest.md §5.4). */
import { anyString, object, str } from './schemaParts';

const KEYWORD = '^[A-Za-z0-9_.:-]{1,64}$';
const scalar = {
  type: ['string', 'number', 'boolean', 'null'],
  'x-expected': 'a string, number, boolean or null',
} as const;

export const atomicEntrySchema = {
  $id: 'ingest/atomic-entry',
  type: 'object',
  'x-expected': 'a JSON object',
  required: ['id', 'url', 'status', 'auth', 'method', 'source', 'environmentId', 'created'],
  additionalProperties: false,
  properties: {
    id: str(1, 255),
    url: str(1, 8192),
    status: {
      type: 'integer',
      minimum: 100,
      maximum: 599,
      'x-expected': 'an integer from 100 to 599',
    },
    auth: {
      type: 'object',
      'x-expected': 'an object',
      required: ['type'],
      properties: {
        type: {
          type: 'string',
          enum: ['client', 'clientCredentials', 'signedPayload', 'workbench'],
          'x-expected': 'one of client, clientCredentials, signedPayload, workbench',
        },
        clientId: anyString(),
        sub: anyString(),
        appClientId: anyString(),
        accountId: anyString(),
      },
      additionalProperties: scalar,
      if: { properties: { type: { const: 'clientCredentials' } }, required: ['type'] },
      then: { required: ['clientId'] },
    },
    ip: {
      type: ['string', 'null'],
      maxLength: 255,
      'x-expected': 'a string of at most 255 characters, or null',
    },
    userAgent: {
      type: ['string', 'null'],
      maxLength: 8192,
      'x-expected': 'a string of at most 8192 characters, or null',
    },
    method: { type: 'string', pattern: '^[A-Z]{1,16}$', 'x-expected': 'an upper-case HTTP method' },
    query: object(true),
    payload: anyString(true),
    source: anyString(),
    organisationId: anyString(true),
    environmentId: {
      type: 'string',
      pattern: '^[A-Za-z0-9_.-]{1,128}$',
      'x-expected': 'an environment id matching ^[A-Za-z0-9_.-]{1,128}$',
    },
    time: { type: ['number', 'null'], minimum: 0, 'x-expected': 'a number ≥ 0, or null' },
    resource: {
      type: ['object', 'null'],
      'x-expected': 'an object {"type": string} or null',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', pattern: KEYWORD, 'x-expected': `a string matching ${KEYWORD}` },
      },
    },
    action: {
      type: ['object', 'null'],
      'x-expected': 'an object {"type": string, "description": string or null} or null',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', pattern: KEYWORD, 'x-expected': `a string matching ${KEYWORD}` },
        description: anyString(true),
      },
    },
    created: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
      'x-expected': 'an instant written exactly as YYYY-MM-DDTHH:mm:ss.sssZ',
    },
  },
  examples: [
    {
      id: 'a1',
      url: '/v1/env-a/action-flow/af-1/start',
      status: 200,
      auth: { type: 'clientCredentials', clientId: 'c-1' },
      ip: '203.0.113.7',
      userAgent: 'atomic-client/1.0',
      method: 'POST',
      query: {},
      payload: '{"flows":[]}',
      source: 'customer-api',
      organisationId: 'acme',
      environmentId: 'env-a',
      time: 20.38,
      resource: { type: 'action_flow' },
      action: { type: 'create', description: 'Start an action flow' },
      created: '2024-05-01T10:00:00.000Z',
    },
    {
      id: 'a2',
      url: '/v1/env-a/card-templates',
      status: 200,
      auth: { type: 'workbench', sub: 's-1', appClientId: 'app-1', accountId: 'acc-1' },
      method: 'GET',
      source: 'workbench-api',
      environmentId: 'env-a',
      resource: { type: 'card_template' },
      action: { type: 'read' },
      created: '2024-05-01T10:00:01.000Z',
    },
  ],
} as const;
