/** `ingest/entity-header`: an AtlasEntityHeader stating an asset's state (spec/ingest.md §5.6). */
import { anyString, enumOf, epochMs, str, stringArray, taggedObjects } from './schemaParts';

export const entityHeaderSchema = {
  $id: 'ingest/entity-header',
  type: 'object',
  'x-expected': 'a JSON object',
  required: ['guid', 'typeName'],
  properties: {
    guid: str(1, 255),
    typeName: str(1, 255),
    status: enumOf(['ACTIVE', 'DELETED'], true),
    attributes: {
      type: ['object', 'null'],
      'x-expected': 'an object or null',
      properties: { qualifiedName: anyString() },
    },
    displayText: anyString(true),
    classifications: taggedObjects(true),
    classificationNames: stringArray(true),
    labels: stringArray(true),
    meaningNames: { type: ['array', 'null'], 'x-expected': 'an array or null' },
    meanings: { type: ['array', 'null'], 'x-expected': 'an array or null' },
    isIncomplete: { type: ['boolean', 'null'], 'x-expected': 'a boolean or null' },
    createdBy: anyString(true),
    updatedBy: anyString(true),
    createTime: epochMs(true),
    updateTime: epochMs(true),
  },
  examples: [
    {
      guid: 'g6',
      typeName: 'Table',
      status: 'ACTIVE',
      attributes: { qualifiedName: 'db.t6', name: 't6', owner: 'team-x' },
      updateTime: 1714557600100,
      classifications: [{ typeName: 'tagPII' }],
      classificationNames: ['tagPII'],
    },
    { guid: 'g8', typeName: 'Table', attributes: { qualifiedName: 'db.t8' } },
  ],
} as const;
