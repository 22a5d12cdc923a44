/**
 * Every Atlas operator spelling, accepted and rejected (spec/atlas-admin-audits.md §4.3), run
 * against the §12.1 fixture through the handler, the real search (scope + compiler) and
 * PostgreSQL. An accepted spelling must give its canonical operator's rows; a rejected one 103.
 */
import { AuditError, type Principal, type SurfaceHandler } from '@audit-gateway/ir';
import {
  ACCEPTED_SPELLINGS,
  createAtlasHandlers,
  createEntityStateLookup,
} from '@audit-gateway/atlas';
import { createAuditRepository } from '@audit-gateway/store';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createAuditSearch } from '../../src/search/createAuditSearch';
import { NOW, entryId, loadFixture } from './atlasFixture';

const db = useTestDatabase();
let handler: SurfaceHandler;
beforeAll(async () => {
  await loadFixture(db());
  const repository = createAuditRepository(db());
  handler = createAtlasHandlers({
    search: createAuditSearch({ run: (q) => repository.run(q) }),
    entityState: createEntityStateLookup(db()),
  }).adminAudits;
});

const ADMIN: Principal = {
  credentialId: '00000000-0000-7000-8000-000000000001',
  tenant: 't1',
  name: 'admin',
  kind: 'password',
  roles: ['atlas:admin'],
  environments: [],
  policy: {},
  scheme: 'basic',
};

async function run(attributeName: string, operator: string, attributeValue?: string) {
  const res = await handler({
    method: 'POST',
    path: '/api/atlas/admin/audits',
    params: {},
    query: [],
    headers: {},
    body: {
      kind: 'json',
      value: {
        auditFilters: {
          condition: 'AND',
          criterion: [{ attributeName, operator, attributeValue }],
        },
      },
    },
    principal: ADMIN,
    requestId: '0123456789abcdef',
    now: NOW,
  });
  return (res.body as { guid: string }[]).map((e) => entryId(e.guid));
}

// one probe per canonical operator: attribute, value and the fixture rows it must return
const PROBES: Record<string, readonly [string, string | undefined, readonly string[]]> = {
  lt: ['startTime', '1576028426951', ['A9', 'A10']],
  gt: ['resultCount', '2', ['A1', 'A7']],
  lte: ['endTime', '1576000005000', ['A9', 'A10']],
  gte: ['userName', 'bob', ['A5', 'A6']],
  eq: ['userName', 'bob', ['A6']],
  neq: ['userName', 'admin', ['A3', 'A5', 'A6', 'A7', 'A9', 'A10']],
  in: ['operation', 'PURGE,AUTO_PURGE', ['A1', 'A2', 'A3', 'A4', 'A5']],
  like: ['userName', 'admin', ['A1', 'A2', 'A4', 'A5', 'A8']],
  startsWith: ['clientId', '10.16.', ['A1', 'A2', 'A8']],
  endsWith: ['clientId', '.7', ['A3', 'A6']],
  contains: ['userName', 'admin', ['A1', 'A2', 'A3', 'A4', 'A5', 'A8']],
  not_contains: ['clientId', '10.', ['A4', 'A9']],
  isNull: ['clientId', undefined, ['A4', 'A9']],
  notNull: ['endTime', undefined, ['A1', 'A2', 'A3', 'A4', 'A6', 'A7', 'A8', 'A9', 'A10']],
  notEmpty: ['params', undefined, ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']],
  timerange: ['startTime', '1576100000000,1576200000000', ['A3', 'A4', 'A5']],
};

const REJECTED = [
  'EQ', 'NEQ', 'LT', 'GT', 'LTE', 'GTE', '==', '<>', '=<', '=>', 'Eq', 'Like', 'In', 'Contains',
  'startswith', 'StartsWith', 'endswith', 'EndsWith', 'isnull', 'IsNull', 'notnull', 'NotNull',
  'notempty', 'timeRange', 'TimeRange', 'STARTS_WITH', 'starts_with', 'begins_With', 'is_not_null',
  'notContains', 'NOTCONTAINS', 'not_Contains', 'equals', 'between', '', ' eq', 'eq ',
  'containsAny', 'CONTAINSANY', 'contains_any', 'CONTAINS_ANY', 'containsAll', 'CONTAINSALL',
  'contains_all', 'CONTAINS_ALL', 'constructor', 'toString',
]; // prettier-ignore

describe('every operator spelling against the fixture', () => {
  it.each([...ACCEPTED_SPELLINGS])('%j (%s) returns its rows', async (spelling, op) => {
    const probe = PROBES[op];
    if (!probe) throw new Error(`no probe for ${op}`);
    const [attribute, value, expected] = probe;
    expect((await run(attribute, spelling, value)).sort()).toEqual([...expected].sort());
  });

  it.each(REJECTED)('%j is 400 ATLAS-400-00-103', async (spelling) => {
    const error = await run('userName', spelling, 'bob').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(AuditError.is(error) && error.native).toEqual({
      code: 'ATLAS-400-00-103',
      message: 'Invalid operator specified for attribute: userName',
    });
  });
});
