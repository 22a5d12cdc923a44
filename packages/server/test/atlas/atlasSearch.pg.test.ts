/**
 * Conformance cases 1–40 of spec/atlas-admin-audits.md §12, through HTTP on a real PostgreSQL:
 * the real route table, authenticator, scope and compiler over the §12.1 fixture.
 */
import type { Express } from 'express';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp } from '../../test-support/testApp';
import { ADMIN_ENTRIES, NOW, loadFixture, type Credentials } from './atlasFixture';
import {
  ALL,
  AND,
  OR,
  atlasClient,
  e01A,
  e023,
  e103,
  expectFrameworkError,
  leaf,
} from './atlasHttp';

const db = useTestDatabase();
let app: Express;
let C: Credentials;
beforeAll(async () => {
  C = await loadFixture(db());
  app = createTestApp(db(), { clock: () => NOW }).app;
});
const { post, ids, filter } = atlasClient(
  () => app,
  () => C.C1,
);

const SEED = {
  auditFilters: AND(leaf('userName', 'like', 'admin'), leaf('operation', 'like', 'PURGE')),
  limit: 10,
  offset: 0,
  sortBy: 'endTime',
  sortOrder: 'DESCENDING',
};

describe('Atlas admin audits: transport, authentication and order of checks', () => {
  it('case 1: the seed query', async () => {
    const res = await post(SEED, { path: '/api/atlas/admin/audit/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toHaveLength(3);
    expect(res.body[0]).toEqual({
      guid: 'aaaaaaaa-0000-4000-8000-000000000001',
      userName: 'admin',
      operation: 'PURGE',
      params: '[g1, g2]',
      startTime: 1576261685009,
      endTime: 1576261685197,
      clientId: '10.16.1.255',
      result: 'g1,g2,g3',
      resultCount: 3,
    });
    expect(res.body[1].guid).toBe('aaaaaaaa-0000-4000-8000-000000000002');
    expect(res.body[2]).toEqual({
      guid: 'aaaaaaaa-0000-4000-8000-000000000005',
      userName: 'svc-admin',
      operation: 'PURGE',
      params: '[g7, g8]',
      startTime: 1576150000000,
      clientId: '10.0.0.9',
      result: 'g7',
      resultCount: 1,
    });
  });

  it('case 2: aliases and credentials', async () => {
    const expected = ['A1', 'A2', 'A5'];
    for (const path of [
      '/api/atlas/admin/audits',
      '/api/atlas/admin/audits/',
      '/api/atlas/admin/audit',
    ]) {
      expect(await ids(SEED, { path })).toEqual(expected);
    }
    expect(await ids(SEED, { auth: C.C3 })).toEqual(expected);
    expect(await ids(SEED, { auth: C.C5 })).toEqual(expected);
    expect(await ids(SEED, { auth: C.C1.replace(/^Basic/, 'basic') })).toEqual(expected);
    for (const path of ['/api/atlas/admin/Audits', '/api/atlas/v2/admin/audits']) {
      expect((await post(SEED, { path })).status).toBe(404);
    }
  });

  it('case 3: 401 with both challenges', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const cases: [string, boolean][] = [
      ['', false],
      [`Basic ${b64('admin:wrong')}`, false],
      ['Basic !!!', false],
      [`Basic ${b64('admin')}`, false],
      ['Bearer nope', true],
      ['Negotiate abc', false],
    ];
    for (const [auth, bearer] of cases) {
      const res = await post(SEED, { auth });
      expect(res.status).toBe(401);
      expectFrameworkError(res.body);
      const challenge = String(res.headers['www-authenticate']);
      expect(challenge).toContain('Basic realm="audit-gateway"');
      expect(challenge).toContain('Bearer realm="audit-gateway"');
      expect(challenge.indexOf('Basic')).toBeLessThan(challenge.indexOf('Bearer'));
      if (bearer) expect(challenge).toContain('error="invalid_token"');
    }
    expect((await post(null, { auth: '', raw: '{"auditFilters": {' })).status).toBe(401);
    expect((await post(SEED, { auth: '', type: 'text/plain' })).status).toBe(401);
    expect((await request(app).get('/api/atlas/admin/audits')).status).toBe(401);
  });

  it('case 4: 403 names the principal', async () => {
    const res = await post(SEED, { auth: C.C2 });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      errorCode: 'ATLAS-403-00-001',
      errorMessage: 'viewer is not authorized to perform Admin Audits',
    });
  });

  it('case 5: parse before privilege, privilege before semantics', async () => {
    const asViewer = { auth: C.C2 };
    const malformed = await post(null, { ...asViewer, raw: '{"auditFilters": {' });
    expect(malformed.status).toBe(400);
    expectFrameworkError(malformed.body);
    const desc = await post({ sortOrder: 'desc' }, asViewer);
    expect(desc.status).toBe(400);
    expectFrameworkError(desc.body);
    expect((await post(null, { ...asViewer, raw: '' })).status).toBe(403);
    expect((await post({ auditFilters: leaf('username', 'eq', 'x') }, asViewer)).status).toBe(403);
    expect((await post({ auditFilters: AND(leaf('userName', 'EQ', 'x')) }, asViewer)).status).toBe(
      403,
    );
  });

  it('case 6: empty body and non-object JSON', async () => {
    for (const raw of ['', 'null', '   ']) {
      const res = await post(null, { raw });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(e01A('Audit Search Parameters not specified'));
    }
    for (const raw of ['[]', '"x"', '42', 'true']) {
      const res = await post(null, { raw });
      expect(res.status).toBe(400);
      expectFrameworkError(res.body);
    }
  });

  it('case 7: 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'text/json',
      'application/json; charset=ISO-8859-1',
      null,
    ]) {
      const res = await post(null, { type, raw: '{"auditFilters": {' });
      expect(res.status).toBe(415);
      expectFrameworkError(res.body);
    }
    expect(await ids({}, { type: 'application/json; charset=UTF-8' })).toEqual(ALL);
    expect(await ids({}, { type: 'Application/JSON' })).toEqual(ALL);
  });

  it('case 8: 405', async () => {
    for (const method of ['get', 'put', 'delete'] as const) {
      const res = await request(app)[method]('/api/atlas/admin/audits').set('Authorization', C.C1);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expectFrameworkError(res.body);
    }
    const res = await request(app).post('/api/atlas/v2/entity/g1/audit').set('Authorization', C.C1);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('case 9: no filter, and tenant isolation', async () => {
    expect(await ids({ auditFilters: null, limit: 10, offset: 0 })).toEqual(ALL);
    expect(await ids({})).toEqual(ALL);
    expect(await ids({ auditFilters: {} })).toEqual(ALL);
    const unknownKey = await post({ auditfilters: AND(leaf('userName', 'eq', 'bob')) });
    expect(unknownKey.status).toBe(400);
    expectFrameworkError(unknownKey.body);
    expect(await ids({}, { auth: C.C4 })).toEqual(['A99']);
  });

  it('case 10: Python client shapes', async () => {
    const body = {
      auditFilters: {
        condition: 'AND',
        criterion: [
          {
            attributeName: 'userName',
            operator: 'eq',
            attributeValue: 'bob',
            condition: null,
            criterion: null,
          },
        ],
        attributeName: null,
        operator: null,
        attributeValue: null,
      },
      limit: 10,
      offset: 0,
      sortBy: null,
      sortOrder: null,
    };
    expect(await ids(body)).toEqual(['A6']);
    expect(await ids({ ...body, auditFilters: { ...body.auditFilters, criterion: null } })).toEqual(
      ALL,
    );
    const withTop = { ...body, typeName: 'x' };
    const withLeaf = {
      ...body,
      auditFilters: {
        ...body.auditFilters,
        criterion: [{ ...body.auditFilters.criterion[0], extra: 1 }],
      },
    };
    for (const auth of [C.C1, C.C2]) {
      for (const b of [withTop, withLeaf]) {
        const res = await post(b, { auth });
        expect(res.status).toBe(400);
        expectFrameworkError(res.body);
      }
    }
  });
});

describe('Atlas admin audits: operators', () => {
  it('case 11: eq', async () => {
    expect(await filter(AND(leaf('userName', 'eq', 'bob')))).toEqual(['A6']);
    expect(await filter(AND(leaf('userName', '=', 'bob')))).toEqual(['A6']);
    expect(await filter(AND(leaf('userName', 'eq', 'Bob')))).toEqual(['A7']);
    expect(await filter(AND(leaf('operation', 'eq', 'purge')))).toEqual([]);
    expect(await filter(AND(leaf('operation', 'eq', 'OTHERS')))).toEqual([]);
  });

  it('case 12: neq, and NULLs', async () => {
    for (const op of ['neq', '!=']) {
      expect(await filter(AND(leaf('userName', op, 'admin')))).toEqual([
        'A3',
        'A5',
        'A6',
        'A7',
        'A9',
        'A10',
      ]);
    }
    expect(await filter(AND(leaf('clientId', 'neq', '10.16.1.255')))).toEqual([
      'A3',
      'A4',
      'A5',
      'A6',
      'A7',
      'A9',
      'A10',
    ]);
  });

  it('case 13: gte / lt on dates, both spellings', async () => {
    for (const [gte, lt] of [
      ['gte', 'lt'],
      ['>=', '<'],
    ] as const) {
      expect(
        await filter(
          AND(leaf('startTime', gte, '1576028426951'), leaf('startTime', lt, '1576261685009')),
        ),
      ).toEqual(['A2', 'A3', 'A4', 'A5', 'A8']);
    }
  });

  it('case 14: lte / gt, both spellings; neq on a nullable date', async () => {
    for (const op of ['lte', '<=']) {
      expect(await filter(AND(leaf('endTime', op, '1576000005000')))).toEqual(['A9', 'A10']);
    }
    for (const op of ['gt', '>']) {
      expect(await filter(AND(leaf('endTime', op, '1576300000000')))).toEqual(['A6', 'A7']);
    }
    expect(await filter(AND(leaf('endTime', 'neq', '1576000005000')))).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
      'A7',
      'A8',
    ]);
  });

  it('case 15: JSON numbers and resultCount', async () => {
    expect(await filter(AND(leaf('startTime', 'eq', 1576261685009)))).toEqual(['A1']);
    expect(await filter(AND(leaf('startTime', 'eq', ' 1576261685009 ')))).toEqual(['A1']);
    expect(await filter(AND(leaf('resultCount', 'gt', 1)))).toEqual(['A1', 'A6', 'A7', 'A8']);
    expect(await filter(AND(leaf('resultCount', '=', '0')))).toEqual(['A9', 'A10']);
  });

  it('case 16: string ordering is binary', async () => {
    expect(await filter(AND(leaf('userName', 'lt', 'admin')))).toEqual(['A7']);
    expect(await filter(AND(leaf('userName', 'gte', 'bob')))).toEqual(['A5', 'A6']);
  });

  it('case 17: startsWith and endsWith, every spelling', async () => {
    for (const op of ['startsWith', 'STARTSWITH', 'begins_with', 'BEGINS_WITH']) {
      expect(await filter(AND(leaf('clientId', op, '10.16.')))).toEqual(['A1', 'A2', 'A8']);
    }
    for (const op of ['endsWith', 'ENDSWITH', 'ends_with', 'ENDS_WITH']) {
      expect(await filter(AND(leaf('clientId', op, '.7')))).toEqual(['A3', 'A6']);
    }
  });

  it('case 18: contains', async () => {
    for (const op of ['contains', 'CONTAINS']) {
      expect(await filter(AND(leaf('userName', op, 'admin')))).toEqual([
        'A1',
        'A2',
        'A3',
        'A4',
        'A5',
        'A8',
      ]);
    }
    expect(await filter(AND(leaf('userName', 'contains', 'ADMIN')))).toEqual([]);
    expect(await filter(AND(leaf('result', 'contains', 'g2,g3')))).toEqual(['A1']);
    expect(await filter(AND(leaf('params', 'contains', '1')))).toEqual(['A1']);
  });

  it('case 19: not_contains, with NULLs', async () => {
    for (const op of ['not_contains', 'NOT_CONTAINS']) {
      expect(await filter(AND(leaf('userName', op, 'admin')))).toEqual(['A6', 'A7', 'A9', 'A10']);
    }
    expect(await filter(AND(leaf('clientId', 'not_contains', '10.')))).toEqual(['A4', 'A9']);
  });

  it('case 20: like: token boundaries', async () => {
    for (const op of ['like', 'LIKE']) {
      expect(await filter(AND(leaf('userName', op, 'admin')))).toEqual([
        'A1',
        'A2',
        'A4',
        'A5',
        'A8',
      ]);
    }
    expect(await filter(AND(leaf('operation', 'like', 'PURGE')))).toEqual(['A1', 'A2', 'A3', 'A5']);
    expect(await filter(AND(leaf('params', 'like', 'g1')))).toEqual(['A1']);
    expect(await filter(AND(leaf('params', 'like', '1')))).toEqual([]);
    expect(await filter(AND(leaf('params', 'like', 'SUCCESS')))).toEqual(['A6']);
    expect(await filter(AND(leaf('userName', 'like', 'adm')))).toEqual([]);
    expect(await filter(AND(leaf('userName', 'like', 'Admin')))).toEqual([]);
  });

  it('case 21: like: literal characters; result is a plain substring', async () => {
    for (const v of ['adm*', 'adm%', 'a_min', 'adm.*']) {
      expect(await filter(AND(leaf('userName', 'like', v)))).toEqual([]);
    }
    expect(await filter(AND(leaf('result', 'like', '2,g')))).toEqual(['A1']);
  });

  it('case 22: in', async () => {
    const purges = ['A1', 'A2', 'A3', 'A4', 'A5'];
    expect(await filter(AND(leaf('operation', 'in', 'PURGE,AUTO_PURGE')))).toEqual(purges);
    expect(await filter(AND(leaf('operation', 'IN', 'PURGE, AUTO_PURGE')))).toEqual(purges);
    expect(await filter(AND(leaf('userName', 'in', 'bob, Bob')))).toEqual(['A6', 'A7']);
    expect(await filter(AND(leaf('resultCount', 'in', '2,3')))).toEqual(['A1', 'A6', 'A7', 'A8']);
    expect(await filter(AND(leaf('startTime', 'in', '1576000000000,1576000005000')))).toEqual([
      'A9',
      'A10',
    ]);
    expect(await filter(AND(leaf('operation', 'in', ',')))).toEqual([]);
    const res = await post({ auditFilters: AND(leaf('resultCount', 'in', '2,x')) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(e01A("value 'x' of attribute resultCount is not an integer"));
  });

  it('case 23: isNull / notNull without a value, every spelling', async () => {
    for (const op of ['isNull', 'ISNULL', 'is_null', 'IS_NULL']) {
      expect(await filter(AND(leaf('clientId', op)))).toEqual(['A4', 'A9']);
    }
    for (const op of ['notNull', 'NOTNULL', 'not_null', 'NOT_NULL']) {
      expect(await filter(AND(leaf('endTime', op)))).toEqual([
        'A1',
        'A2',
        'A3',
        'A4',
        'A6',
        'A7',
        'A8',
        'A9',
        'A10',
      ]);
    }
    expect(await filter(AND(leaf('endTime', 'isNull', 'x')))).toEqual(['A5']);
    expect(await filter(AND(leaf('userName', 'isNull')))).toEqual([]);
  });

  it('case 24: notEmpty, every spelling', async () => {
    for (const op of ['notEmpty', 'NOTEMPTY', 'not_empty', 'NOT_EMPTY']) {
      expect(await filter(AND(leaf('params', op)))).toEqual([
        'A1',
        'A2',
        'A3',
        'A4',
        'A5',
        'A6',
        'A7',
        'A8',
      ]);
    }
    expect(await filter(AND(leaf('resultCount', 'notEmpty')))).toEqual(ALL);
  });

  it('case 25: timerange, explicit, every spelling', async () => {
    for (const op of ['timerange', 'TIMERANGE', 'time_range', 'TIME_RANGE']) {
      expect(await filter(AND(leaf('startTime', op, '1576100000000,1576200000000')))).toEqual([
        'A3',
        'A4',
        'A5',
      ]);
    }
    expect(
      await filter(AND(leaf('startTime', 'timerange', ' 1576100000000 , 1576200000000 '))),
    ).toEqual(['A3', 'A4', 'A5']);
    expect(
      await filter(AND(leaf('startTime', 'timerange', '1576200000000,1576100000000'))),
    ).toEqual([]);
  });

  it('case 26: timerange, named, with the clock pinned', async () => {
    expect(await filter(AND(leaf('startTime', 'timerange', 'TODAY')))).toEqual(['A6', 'A7']);
    expect(await filter(AND(leaf('startTime', 'timerange', 'YESTERDAY')))).toEqual(['A1', 'A4']);
    expect(await filter(AND(leaf('endTime', 'timerange', 'YESTERDAY')))).toEqual(['A1', 'A4']);
    expect(await filter(AND(leaf('startTime', 'timerange', 'LAST_7_DAYS')))).toEqual(ALL);
    expect(await filter(AND(leaf('startTime', 'timerange', 'LAST_3_MONTHS')))).toEqual([]);
  });

  it('case 27: timerange errors', async () => {
    const err = async (f: unknown) => (await post({ auditFilters: f })).body as unknown;
    expect(await err(AND(leaf('startTime', 'timerange', 'yesterday')))).toEqual(
      e01A("value 'yesterday' of attribute startTime is not a time range"),
    );
    for (const v of ['1576100000000', 'a,b']) {
      expect(await err(AND(leaf('startTime', 'timerange', v)))).toMatchObject({
        errorCode: 'ATLAS-400-00-01A',
      });
    }
    expect(await err(AND(leaf('userName', 'timerange', 'TODAY')))).toEqual(e103('userName'));
    expect(await err(AND(leaf('resultCount', 'timerange', '1,2')))).toEqual(e103('resultCount'));
  });

  it('case 28: rejected spellings', async () => {
    const rejected = [
      'EQ', 'Eq', '==', '<>', 'equals', 'Like', 'In', 'startswith', 'STARTS_WITH', 'starts_with',
      'endswith', 'Contains', 'notContains', 'isnull', 'IsNull', 'notnull', 'notempty', 'timeRange',
      ' eq', '', 'containsAny', 'CONTAINS_ALL',
    ]; // prettier-ignore
    for (const op of rejected) {
      const res = await post({ auditFilters: AND(leaf('userName', op, 'bob')) });
      expect([op, res.status, res.body]).toEqual([op, 400, e103('userName')]);
    }
  });

  it('case 29: missing operator; the operator is checked before the empty-value drop', async () => {
    for (const f of [
      AND({ attributeName: 'userName', attributeValue: 'bob' }),
      AND(leaf('userName', null, 'bob')),
      AND(leaf('userName', 'EQ', '')),
    ]) {
      const res = await post({ auditFilters: f });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(e103('userName'));
    }
  });

  it('case 30: string operators on numeric attributes', async () => {
    for (const [name, op, v] of [
      ['startTime', 'contains', '157'],
      ['resultCount', 'like', '1'],
      ['endTime', 'startsWith', '1'],
      ['endTime', 'not_contains', '1'],
    ] as const) {
      expect((await post({ auditFilters: AND(leaf(name, op, v)) })).body).toEqual(e103(name));
    }
  });

  it('case 31: unknown attributes', async () => {
    const body = async (f: unknown) => (await post({ auditFilters: f })).body as unknown;
    expect(await body(AND(leaf('username', 'eq', 'bob')))).toEqual(e023('username'));
    expect(await body(AND({ attributeName: 'username' }))).toEqual(e023('username'));
    for (const name of ['guid', 'UserName', 'timestamp']) {
      expect(await body(AND(leaf(name, 'eq', 'x')))).toEqual(e023(name));
    }
    expect(await body(AND(leaf('bogus1', 'eq', 'x'), OR(leaf('bogus2', 'eq', 'y'))))).toEqual(
      e023('bogus1'),
    );
    expect(await body(AND(leaf('userName', 'EQ', 'x'), leaf('bogus', 'eq', 'y')))).toEqual(
      e103('userName'),
    );
    expect(await body({ attributeName: 'username', operator: 'EQ' })).toEqual(e023('username'));
  });

  it('case 32: non-integer numeric values', async () => {
    const res = await post({ auditFilters: AND(leaf('startTime', 'gte', '2019-12-13')) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(e01A("value '2019-12-13' of attribute startTime is not an integer"));
    for (const v of ['1.5e12', '1576261685009.0', '9223372036854775808', 1.5]) {
      const r = await post({ auditFilters: AND(leaf('startTime', 'gte', v)) });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ errorCode: 'ATLAS-400-00-01A' });
    }
    expect(await filter(AND(leaf('startTime', 'lt', '9000000000000000000')))).toEqual(ALL);
  });
});

describe('Atlas admin audits: tree structure', () => {
  it('case 33: empty values are dropped', async () => {
    expect(await filter(AND(leaf('userName', 'eq', '')))).toEqual(ALL);
    expect(await filter(AND(leaf('userName', 'eq', 'bob'), leaf('operation', 'eq')))).toEqual([
      'A6',
    ]);
    expect(await filter(OR(leaf('userName', 'eq', 'bob'), leaf('userName', 'eq', '')))).toEqual([
      'A6',
    ]);
    expect(await filter(OR(leaf('userName', 'eq', ''), leaf('params', 'like', null)))).toEqual(ALL);
    expect(await filter(AND(leaf('userName', 'eq', ' ')))).toEqual([]);
  });

  it('case 34: a group without condition is ignored', async () => {
    expect(await filter({ criterion: [leaf('userName', 'eq', 'bob')] })).toEqual(ALL);
    expect(await filter({ criterion: [leaf('bogus', 'eq', 'x')] })).toEqual(ALL);
    expect(
      await filter(
        AND(leaf('operation', 'eq', 'EXPORT'), { criterion: [leaf('userName', 'eq', 'nobody')] }),
      ),
    ).toEqual(['A6']);
    expect(await filter({ condition: 'AND', criterion: [] })).toEqual(ALL);
  });

  it('case 35: nested groups', async () => {
    expect(
      await filter(
        AND(
          leaf('operation', 'in', 'PURGE,AUTO_PURGE'),
          OR(leaf('userName', 'eq', 'administrator'), leaf('clientId', 'isNull')),
        ),
      ),
    ).toEqual(['A3', 'A4']);
    expect(
      await filter(
        OR(
          AND(leaf('userName', 'eq', 'admin'), leaf('operation', 'eq', 'TYPE_DEF_CREATE')),
          leaf('operation', 'eq', 'SERVER_START'),
        ),
      ),
    ).toEqual(['A8', 'A9']);
    expect(
      await filter(
        AND(
          OR(AND(leaf('userName', 'eq', 'bob')), AND(leaf('userName', 'eq', 'Bob'))),
          leaf('resultCount', 'gte', '3'),
        ),
      ),
    ).toEqual(['A7']);
  });

  it("the README's nested example: imports or exports by one user in a time window", async () => {
    const body = {
      auditFilters: AND(
        leaf('userName', 'eq', 'Bob'),
        leaf('startTime', 'gte', '1576300000000'),
        OR(leaf('operation', 'eq', 'IMPORT'), leaf('operation', 'eq', 'EXPORT')),
      ),
      limit: 25,
    };
    expect(await ids(body)).toEqual(['A7']);
  });

  it('case 36: single top-level leaf', async () => {
    expect(await filter(leaf('userName', 'eq', 'bob'))).toEqual(['A6']);
    expect(await filter(leaf('userName', 'eq', ''))).toEqual(ALL);
  });

  it('case 37: parse-stage type errors', async () => {
    const bodies: unknown[] = [
      { auditFilters: { condition: 'and' } },
      { auditFilters: { condition: 'Or' } },
      { sortOrder: 'desc' },
      { sortOrder: 'Descending' },
      { limit: 'abc' },
      { limit: '3.9' },
      { limit: true },
      { limit: 3000000000 },
      { offset: {} },
      { auditFilters: { condition: 'AND', criterion: {} } },
      { auditFilters: AND({ ...leaf('userName', 'eq'), attributeValue: { a: 1 } }) },
      { auditFilters: AND({ ...leaf('operation', 'in'), attributeValue: ['PURGE'] }) },
      { auditFilters: AND({ attributeName: 5, operator: 'eq', attributeValue: 'x' }) },
      { auditFilters: AND({ attributeName: 'userName', operator: ['eq'], attributeValue: 'x' }) },
      { auditFilters: AND('x') },
    ];
    for (const body of bodies) {
      const res = await post(body);
      expect([body, res.status]).toEqual([body, 400]);
      expectFrameworkError(res.body);
    }
  });

  it('§4.12 limits and nesting: 400, never a 500', async () => {
    let deep: unknown = leaf('userName', 'eq', 'x');
    for (let i = 0; i < 40; i++) deep = AND(deep);
    expect((await post({ auditFilters: deep })).body).toEqual(
      e01A('auditFilters nested deeper than 32 levels'),
    );
    const tooDeepJson =
      '{"auditFilters":' + '{"condition":"AND","criterion":['.repeat(70) + ']}'.repeat(70) + '}';
    const res = await post(null, { raw: tooDeepJson });
    expect(res.status).toBe(400);
    expectFrameworkError(res.body);
    const wide = AND(...Array.from({ length: 1001 }, () => leaf('userName', 'eq', 'x')));
    expect((await post({ auditFilters: wide })).body).toEqual(
      e01A('auditFilters has more than 1000 criteria'),
    );
    const many = Array.from({ length: 1000 }, (_, i) => `u${i}`);
    expect(
      (await post({ auditFilters: leaf('userName', 'in', [...many, 'bob'].join(',')) })).body,
    ).toEqual(e01A('value of attribute userName has more than 1000 items'));
    expect(await filter(leaf('userName', 'in', ['bob', ...many.slice(1)].join(',')))).toEqual([
      'A6',
    ]);
  });
});

describe('Atlas admin audits: paging and sorting', () => {
  it('case 38: limit and offset normalisation', async () => {
    for (const limit of [0, -5, 10001, 20000, null, undefined]) {
      expect(await ids({ limit })).toEqual(ALL);
    }
    expect(await ids({ limit: '3' })).toEqual(['A1', 'A2', 'A3']);
    expect(await ids({ limit: 3.9 })).toEqual(['A1', 'A2', 'A3']);
    expect(await ids({ limit: 10000 })).toEqual(ALL);
    expect(await ids({ offset: -3 })).toEqual(ALL);
    expect(await ids({ limit: 3, offset: 8 })).toEqual(['A9', 'A10']);
    expect(await ids({ offset: 10 })).toEqual([]);
    expect(await ids({ offset: 1000000 })).toEqual([]);
  });

  it('case 39: paging a sorted result', async () => {
    const page = (offset: number) =>
      ids({
        auditFilters: AND(leaf('operation', 'in', 'PURGE,AUTO_PURGE')),
        sortBy: 'startTime',
        sortOrder: 'ASCENDING',
        limit: 2,
        offset,
      });
    const pages = [await page(0), await page(2), await page(4), await page(6)];
    expect(pages).toEqual([['A2', 'A3'], ['A5', 'A4'], ['A1'], []]);
    const whole = await ids({
      auditFilters: AND(leaf('operation', 'in', 'PURGE,AUTO_PURGE')),
      sortBy: 'startTime',
      sortOrder: 'ASCENDING',
    });
    expect(pages.flat()).toEqual(whole);
  });

  it('case 40: sortBy and sortOrder', async () => {
    expect(await ids({ sortBy: 'userName', sortOrder: 'DESCENDING' })).toEqual([
      'A5',
      'A6',
      'A10',
      'A9',
      'A3',
      'A8',
      'A4',
      'A2',
      'A1',
      'A7',
    ]);
    expect(await ids({ sortBy: 'endTime' })).toEqual([
      'A9',
      'A10',
      'A2',
      'A8',
      'A3',
      'A4',
      'A1',
      'A6',
      'A7',
      'A5',
    ]);
    expect(await ids({ sortBy: 'endTime', sortOrder: 'DESCENDING' })).toEqual([
      'A7',
      'A6',
      'A1',
      'A4',
      'A3',
      'A8',
      'A2',
      'A10',
      'A9',
      'A5',
    ]);
    expect(await ids({ sortOrder: 'DESCENDING' })).toEqual(ALL);
    expect(await ids({ sortBy: '' })).toEqual(ALL);
    for (const sortBy of ['timestamp', 'guid', 'StartTime']) {
      const res = await post({ sortBy });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(e023(sortBy));
    }
    const both = await post({ auditFilters: AND(leaf('bogus', 'eq', 'x')), sortBy: 'timestamp' });
    expect(both.body).toEqual(e023('bogus'));
  });

  it('sorts by every attribute without a database error', async () => {
    for (const sortBy of [
      'userName',
      'operation',
      'params',
      'startTime',
      'endTime',
      'clientId',
      'result',
      'resultCount',
      'runId',
      'auditRowKind',
    ]) {
      for (const sortOrder of ['ASCENDING', 'DESCENDING']) {
        expect((await ids({ sortBy, sortOrder })).sort()).toEqual([...ALL].sort());
      }
    }
  });

  it('values with U+0000 answer as binary order says, never a database error', async () => {
    expect(await filter(leaf('userName', 'eq', 'bob\u0000'))).toEqual([]);
    expect(await filter(leaf('userName', 'neq', 'bob\u0000'))).toEqual(ALL);
    expect(await filter(leaf('userName', 'lt', 'b\u0000'))).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A7',
      'A8',
      'A9',
      'A10',
    ]);
    expect(await filter(leaf('userName', 'gt', 'bob\u0000x'))).toEqual(['A5']);
    expect(await filter(leaf('userName', 'contains', '\u0000'))).toEqual([]);
    expect(await filter(leaf('userName', 'in', 'bob,\u0000'))).toEqual(['A6']);
  });

  it('the fixture holds what the spec lists', () => {
    expect(ADMIN_ENTRIES).toHaveLength(10);
  });
});
