/** `ingest/typedef`: a tag (classification) or struct definition (spec/ingest.md §5.5). Open shape. */
import { anyString, enumOf, epochMs, integer, str, stringArray, stringMap } from './schemaParts';

export const typedefSchema = {
  $id: 'ingest/typedef',
  type: 'object',
  'x-expected': 'a JSON object',
  required: ['category', 'name'],
  properties: {
    category: enumOf(['CLASSIFICATION', 'STRUCT']),
    name: str(1, 255),
    displayName: str(1, 255, true),
    guid: anyString(true),
    description: anyString(true),
    typeVersion: anyString(true),
    serviceType: anyString(true),
    createdBy: anyString(true),
    updatedBy: anyString(true),
    createTime: epochMs(true),
    updateTime: epochMs(true),
    version: integer(-9007199254740991, true),
    attributeDefs: {
      type: ['array', 'null'],
      'x-expected': 'an array of objects, each with a string name',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: anyString() },
        'x-expected': 'an object with a string name',
      },
    },
    superTypes: stringArray(true),
    subTypes: stringArray(true),
    entityTypes: stringArray(true),
    options: stringMap(true),
  },
  if: { properties: { category: { const: 'CLASSIFICATION' } }, required: ['category'] },
  then: { required: ['displayName'], properties: { displayName: str(1, 255) } },
  examples: [
    {
      category: 'CLASSIFICATION',
      name: 'tagPII',
      displayName: 'PII',
      guid: 't-1',
      attributeDefs: [],
      superTypes: [],
      entityTypes: [],
      options: { color: 'Red' },
    },
    {
      category: 'STRUCT',
      name: 'cm-set-1',
      attributeDefs: [{ name: 'owner', typeName: 'string' }],
    },
  ],
} as const;
