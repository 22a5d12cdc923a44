/** Request JSON → expected IR (STYLE §3.7, one level up from the compiler's golden cases). */
import {
  AuditError,
  JSON_LEAF,
  all,
  and,
  cmp,
  exists,
  json,
  none,
  not,
  or,
  text,
} from '@audit-gateway/ir';
import { parseEsDsl } from '../src/dsl/parseEsDsl';

const NOW = Date.parse('2024-03-12T10:00:00.000Z');
const parse = (dsl: Record<string, unknown>) => parseEsDsl(dsl, NOW).query;
const where = (query: unknown) => parse({ query }).where;
const SEQ = { field: 'seq', dir: 'asc', missing: 'last' };

describe('parseEsDsl: defaults', () => {
  it('an empty dsl sorts created desc, pages 10, counts up to 10,000, scope left to the server', () => {
    expect(parse({})).toEqual({
      family: 'entity',
      scope: all(),
      detailScope: all(),
      where: all(),
      sort: [{ field: 'recordedAt', dir: 'desc', missing: 'last' }, SEQ],
      page: { offset: 0, limit: 10 },
      total: { cap: 10000 },
    });
  });

  it('maps track_total_hits', () => {
    expect(parse({ track_total_hits: true }).total).toBe('exact');
    expect(parse({ track_total_hits: 'false' }).total).toBe('none');
    expect(parse({ track_total_hits: -1 }).total).toBe('none');
    expect(parse({ track_total_hits: '7' }).total).toEqual({ cap: 7 });
  });

  it('treats null keys as absent and aggregations {} as none', () => {
    const q = parseEsDsl({ query: null, sort: null, aggregations: {} }, NOW);
    expect(q.aggPlans).toBeUndefined();
    expect(q.query.aggs).toBeUndefined();
    expect(q.query.where).toEqual(all());
  });
});

describe('parseEsDsl: clauses', () => {
  it('term on a keyword, a header, a date and an unmapped field', () => {
    expect(where({ term: { user: 'bob' } })).toEqual(cmp('actor', 'eq', 'bob'));
    expect(where({ term: { 'headers.x-atlan-agent-id': 'python' } })).toEqual(
      json('headers', ['x-atlan-agent-id'], cmp(JSON_LEAF, 'eq', 'python')),
    );
    expect(where({ term: { created: '2024-03-09' } })).toEqual(
      and(
        cmp('recordedAt', 'gte', Date.parse('2024-03-09')),
        cmp('recordedAt', 'lte', Date.parse('2024-03-09T23:59:59.999Z')),
      ),
    );
    expect(where({ term: { 'entityId.keyword': 'x' } })).toEqual(none());
  });

  it('case_insensitive term is an escaped, folded wildcard', () => {
    expect(where({ term: { user: { value: 'A*b?', case_insensitive: true } } })).toEqual(
      text('actor', 'wildcard', 'A\\*b\\?', { caseInsensitive: true }),
    );
  });

  it('bool: should only counts when required, must_not negates', () => {
    const bob = cmp('actor', 'eq', 'bob');
    const col = cmp('typeName', 'eq', 'Column');
    expect(where({ bool: { should: [{ term: { user: 'bob' } }] } })).toEqual(bob);
    expect(
      where({
        bool: { filter: [{ term: { typeName: 'Column' } }], should: [{ term: { user: 'bob' } }] },
      }),
    ).toEqual(col);
    expect(
      where({
        bool: { filter: { term: { typeName: 'Column' } }, must_not: { term: { user: 'bob' } } },
      }),
    ).toEqual(and(col, not(bob)));
    expect(
      where({
        bool: {
          should: [{ term: { user: 'bob' } }, { term: { typeName: 'Column' } }, { match_all: {} }],
          minimum_should_match: 2,
        },
      }),
    ).toEqual(or([bob, col, all()], 2));
  });

  it('nested requires a visible detail object and reads detail leaves by type', () => {
    expect(
      where({
        nested: { path: 'detail', query: { term: { 'detail.propagate.keyword': 'true' } } },
      }),
    ).toEqual(
      and(
        exists('detail'),
        json(
          'detail',
          ['propagate'],
          or([cmp(JSON_LEAF, 'eq', 'true'), cmp(JSON_LEAF, 'eq', true)]),
        ),
      ),
    );
  });

  it('exists wildcards expand over mapped paths', () => {
    const anyDetail = json('detail', [], exists(JSON_LEAF));
    // the nested clause needs a detail object; `detail.*` needs a leaf in it
    expect(where({ nested: { path: 'detail', query: { exists: { field: 'detail.*' } } } })).toEqual(
      and(exists('detail'), anyDetail),
    );
    expect(where({ exists: { field: 'headers.*' } })).toEqual(
      json('headers', [], exists(JSON_LEAF)),
    );
    expect(where({ exists: { field: 'type*' } })).toEqual(exists('typeName'));
  });

  it('range rounds per operator', () => {
    expect(where({ range: { created: { gt: 'now/d', lt: 'now/d' } } })).toEqual(
      and(
        cmp('recordedAt', 'gt', Date.parse('2024-03-12T23:59:59.999Z')),
        cmp('recordedAt', 'lt', Date.parse('2024-03-12T00:00:00.000Z')),
      ),
    );
    expect(where({ range: { user: {} } })).toEqual(exists('actor'));
  });
});

describe('parseEsDsl: sort, search_after, aggregations', () => {
  it('drops repeated keys and no-op keys, and ends with seq', () => {
    expect(
      parse({
        sort: [{ created: 'asc' }, { created: 'desc' }, '_score', { entityId: { order: 'asc' } }],
      }).sort,
    ).toEqual([
      { field: 'recordedAt', dir: 'asc', missing: 'last' },
      { field: 'entityId', dir: 'asc', missing: 'last' },
      SEQ,
    ]);
    expect(parse({ sort: [{ _doc: 'desc' }] }).sort).toEqual([
      { field: 'seq', dir: 'desc', missing: 'last' },
    ]);
  });

  it('search_after parses dates with the key format and skips ineffective keys', () => {
    const q = parse({
      sort: [{ created: 'asc' }, { created: 'desc' }, 'user'],
      search_after: ['2024-03-12', 1, 5],
    });
    expect(q.page).toEqual({
      after: [Date.parse('2024-03-12'), '5'],
      includeSeq: false,
      limit: 10,
    });
  });

  it('aggregations get their IR and a render plan', () => {
    const parsed = parseEsDsl(
      { aggs: { u: { terms: { field: 'user', size: 2 }, meta: { x: 1 } } } },
      NOW,
    );
    expect(parsed.query.aggs).toEqual({
      u: {
        type: 'terms',
        field: { field: 'actor' },
        size: 2,
        minDocCount: 1,
        order: [
          { by: '_count', dir: 'desc' },
          { by: '_key', dir: 'asc' },
        ],
      },
    });
    expect(parsed.aggPlans?.u).toMatchObject({
      type: 'terms',
      meta: { x: 1 },
      showDocCountError: false,
    });
  });
});

describe('parseEsDsl: errors are ATLAS-400-00-029 with an ES reason', () => {
  it('names the JSON path of the failing clause', () => {
    expect(() =>
      parse({ query: { bool: { must: [{ match_all: {} }, { term: { user: null } }] } } }),
    ).toThrow('(at dsl.query.bool.must[1])');
    expect(() => parse({ size: 0, aggs: { f: { filter: { nope: {} } } } })).toThrow(
      '(at aggregation [f].filter)',
    );
  });

  it.each([
    [{ query: { term: { user: 'a' }, exists: { field: 'user' } } }, 'malformed query'],
    [{ foo: 1 }, 'Unknown key for a VALUE_NUMBER in [foo]'],
    [
      { size: 0, aggs: { a: { terms: { field: 'user' }, max: { field: 'created' } } } },
      'Found two aggregation type definitions in [a]: [terms] and [max]',
    ],
    [{ aggs: { a: {} } }, 'Missing definition for aggregation [a]'],
    [{ sort: [{ created: { nested: {} } }] }, 'nested'],
    [{ search_after: [1], sort: ['_score'] }, 'search_after'],
  ])('%j', (dsl, fragment) => {
    try {
      parse(dsl);
      throw new Error('expected an error');
    } catch (e) {
      expect(AuditError.is(e)).toBe(true);
      const err = e as AuditError;
      expect(err.native?.code).toBe('ATLAS-400-00-029');
      expect(err.message).toContain(fragment);
    }
  });
});
