/**
 * "No request body produces a 500 or a database error": random E1 bodies, built from Atlas's own
 * vocabulary (valid and invalid names, every spelling, hostile values) and from arbitrary JSON, go
 * through both parse stages and the real search on PostgreSQL. Each must end in 200 or a 4xx.
 */
import fc from 'fast-check';
import {
  AuditError,
  type Principal,
  type SurfaceHandler,
  type SurfaceRequest,
} from '@audit-gateway/ir';
import {
  ACCEPTED_SPELLINGS,
  checkAdminAuditsRequest,
  createAtlasHandlers,
  createEntityStateLookup,
} from '@audit-gateway/atlas';
import { createAuditRepository } from '@audit-gateway/store';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createAuditSearch } from '../../src/search/createAuditSearch';
import { NOW, loadFixture } from './atlasFixture';

const db = useTestDatabase();
let handler: SurfaceHandler;
let handlers: ReturnType<typeof createAtlasHandlers>;
beforeAll(async () => {
  await loadFixture(db());
  const repository = createAuditRepository(db());
  handlers = createAtlasHandlers({
    search: createAuditSearch({ run: (q) => repository.run(q) }),
    entityState: createEntityStateLookup(db()),
  });
  handler = handlers.adminAudits;
});

const WHO: Principal = {
  credentialId: '00000000-0000-7000-8000-000000000001',
  tenant: 't1',
  name: 'admin',
  kind: 'password',
  roles: ['atlas:admin'],
  environments: [],
  policy: { allow: { ownOnly: true } },
  scheme: 'basic',
};

const VALID = ['userName', 'operation', 'params', 'startTime', 'endTime', 'clientId', 'result', 'resultCount', 'runId', 'auditRowKind']; // prettier-ignore
const names = fc.oneof(
  { arbitrary: fc.constantFrom(...VALID), weight: 6 },
  { arbitrary: fc.constantFrom('username', '', 'constructor', '__proto__', 'a\u0000'), weight: 1 },
);
const operators = fc.oneof(
  fc.constantFrom(...ACCEPTED_SPELLINGS.keys(), 'EQ', 'containsAny', '', 'STARTS_WITH'),
  fc.string({ maxLength: 4 }),
);
const values = fc.oneof(
  { depthSize: 'small' },
  { arbitrary: fc.constantFrom('\u0000', 'b\u0000', 'a,\u0000'), weight: 2 },
  fc.constantFrom(
    '', ' ', 'admin', '%', '_', '\\', "'", '"', '(', '[', '.*', '\u0000', 'b\u0000', 'a,\u0000', 'é', '😀', '\ud800',
    '1576000000000', '-1', '9223372036854775807', '-9223372036854775808', '99999999999999999999',
    '1,2', ',', '1576100000000,1576200000000', '9000000000000000000,-9000000000000000000',
    'TODAY', 'LAST_12_MONTHS', 'PURGE,AUTO_PURGE', '1e400',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
); // prettier-ignore

const { node } = fc.letrec<{ node: unknown; leaf: unknown; group: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('group')),
  leaf: fc.record(
    { attributeName: fc.oneof(names, fc.constant(null)), operator: fc.oneof(operators, fc.constant(null)), attributeValue: values },
    { requiredKeys: ['attributeName', 'operator'] },
  ),
  group: fc.record(
    {
      condition: fc.constantFrom('AND', 'OR', null),
      criterion: fc.oneof(fc.array(fc.oneof(tie('node'), fc.constant(null)), { maxLength: 4 }), fc.constant(null)),
    },
    { requiredKeys: ['criterion'] },
  ),
})); // prettier-ignore

const atlasBody = fc.record(
  {
    auditFilters: fc.oneof(
      { arbitrary: node, weight: 9 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
    limit: fc.oneof(fc.integer({ min: -5, max: 20000 }), fc.constantFrom(3.5, '3', '-1', '', null)),
    offset: fc.oneof(fc.integer({ min: -10, max: 2 ** 31 - 1 }), fc.constantFrom('2', '', null)),
    sortBy: fc.oneof(names, fc.constant(null)),
    sortOrder: fc.constantFrom('ASCENDING', 'DESCENDING', null),
  },
  { requiredKeys: ['auditFilters'] },
);

async function outcome(value: unknown): Promise<number> {
  const req = {
    method: 'POST',
    path: '/api/atlas/admin/audits',
    params: {},
    query: [],
    headers: {},
    body: { kind: 'json', value } as const,
    principal: WHO,
    requestId: '0123456789abcdef',
    now: NOW,
  };
  try {
    checkAdminAuditsRequest(req);
    const res = await handler(req);
    expect(Array.isArray(res.body)).toBe(true);
    return res.status;
  } catch (e) {
    if (!AuditError.is(e)) throw e; // a database error or a crash: the test fails here
    return e.status;
  }
}

describe('no E1 body gives a 5xx', () => {
  it('Atlas-shaped bodies', async () => {
    await fc.assert(
      fc.asyncProperty(atlasBody, async (body) => {
        const status = await outcome(body);
        expect(status === 200 || (status >= 400 && status < 500)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('arbitrary JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (body) => {
        const status = await outcome(body);
        expect(status === 200 || (status >= 400 && status < 500)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('no E2/E3 request gives a 5xx', () => {
  const text = fc.oneof(
    fc.constantFrom(
      'g1',
      'g2',
      'nope',
      '',
      '\u0000',
      'g1\u0000',
      'aaaaaaaa-0000-4000-8000-000000000001',
    ),
    fc.string({ maxLength: 8 }),
  );
  const query = fc.array(
    fc.tuple(
      fc.constantFrom('limit', 'offset', 'count', 'sortBy', 'sortOrder', 'startKey', 'auditAction'),
      fc.oneof(
        text,
        fc.constantFrom('-1', '0', '99999999999999999999', 'user', 'desc', 'g1:1', 'ENTITY_PURGE'),
      ),
    ),
    { maxLength: 4 },
  );
  it('random GUIDs and parameters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), text, query, async (details, guid, pairs) => {
        const params: Record<string, string> = details ? { auditGuid: guid } : { guid };
        const req: SurfaceRequest = {
          method: 'GET',
          path: '/',
          params,
          query: pairs,
          headers: {},
          body: { kind: 'none' } as const,
          principal: WHO,
          requestId: '0123456789abcdef',
          now: NOW,
        };
        let status: number;
        try {
          status = (await (details ? handlers.auditDetails : handlers.entityAudit)(req)).status;
        } catch (e) {
          if (!AuditError.is(e)) throw e;
          status = e.status;
        }
        expect(status === 200 || (status >= 400 && status < 500)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
