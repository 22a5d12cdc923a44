/** Each ingest schema accepts its own examples (STYLE §3.10), and rejects what §5 rejects. */
import { INGEST_SCHEMAS, validateSchema } from '../../src/ingest/schemas/ingestSchemas';

describe('ingest schemas', () => {
  it.each(INGEST_SCHEMAS.map((s) => [s.$id, s] as const))('%s accepts its examples', (_id, s) => {
    expect(s.examples.length).toBeGreaterThan(0);
    for (const example of s.examples) expect(validateSchema(s.$id, example)).toEqual([]);
  });

  it.each([
    [
      'ingest/atlan-record',
      { entityId: 'g', action: 'NOPE', typeName: 'T', user: 'u', timestamp: 1, created: 1 },
    ],
    [
      'ingest/atlan-record',
      {
        entityId: 'g',
        action: 'ENTITY_CREATE',
        typeName: 'T',
        user: 'u',
        timestamp: 1.5,
        created: 1,
      },
    ],
    [
      'ingest/atlas-entry',
      {
        guid: 'AAAAAAAA-0000-4000-8000-000000000001',
        userName: 'a',
        operation: 'PURGE',
        startTime: 0,
      },
    ],
    [
      'ingest/atomic-entry',
      {
        id: 'x',
        url: '/',
        status: 200,
        auth: { type: 'client', deep: {} },
        method: 'GET',
        source: 'client-api',
        environmentId: 'e',
        created: '2024-05-01T10:00:00.000Z',
      },
    ],
    [
      'ingest/atomic-entry',
      {
        id: 'x',
        url: '/',
        status: 200,
        auth: { type: 'clientCredentials' },
        method: 'GET',
        source: 'client-api',
        environmentId: 'e',
        created: '2024-05-01T10:00:00.000Z',
      },
    ],
    ['ingest/typedef', { category: 'CLASSIFICATION', name: 'tag' }],
    ['ingest/entity-header', { guid: 'g', typeName: 'T', attributes: { qualifiedName: 5 } }],
  ] as const)('%s rejects %j', (id, value) => {
    expect(validateSchema(id, value).length).toBeGreaterThan(0);
  });

  it('typedefs and entity headers keep unknown members', () => {
    expect(
      validateSchema('ingest/typedef', { category: 'STRUCT', name: 's', anything: [1] }),
    ).toEqual([]);
    expect(
      validateSchema('ingest/entity-header', { guid: 'g', typeName: 'T', extra: { a: 1 } }),
    ).toEqual([]);
  });
});
