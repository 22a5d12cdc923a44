import {
  all,
  AuditError,
  checkFields,
  cmp,
  exists,
  inList,
  json,
  prefix,
  text,
  type AuditQuery,
  type Predicate,
} from '../src';

const base: AuditQuery = {
  family: 'entity',
  scope: cmp('tenant', 'eq', 't1'),
  detailScope: all(),
  where: all(),
  sort: [
    { field: 'recordedAt', dir: 'desc', missing: 'last' },
    { field: 'seq', dir: 'asc', missing: 'last' },
  ],
  page: { offset: 0, limit: 10 },
  total: 'exact',
};

function rejects(q: AuditQuery, path: string): void {
  let caught: unknown;
  try {
    checkFields(q);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(AuditError);
  const err = caught as AuditError;
  expect(err.code).toBe('AQ500');
  expect(err.details[0]?.path).toBe(path);
}

const where = (p: Predicate): AuditQuery => ({ ...base, where: p });

describe('checkFields', () => {
  it('accepts a well-formed query and returns it', () => {
    const q = where(json('detail', ['typeName'], prefix('$', 'P')));
    expect(checkFields(q)).toBe(q);
  });

  it('rejects an unknown field', () => rejects(where(cmp('nope', 'eq', 'x')), '/where'));
  it('rejects a field of another family', () =>
    rejects(where(cmp('environment', 'eq', 'x')), '/where'));
  it('rejects an Object.prototype name as a field', () =>
    rejects(where(exists('constructor')), '/where'));
  it('rejects prefix on a date field', () =>
    rejects(where(prefix('recordedAt', '2024')), '/where'));
  it('rejects text on a number field', () =>
    rejects({ ...where(text('resultCount', 'contains', '1')), family: 'admin' }, '/where'));
  it('rejects a comparison on a JSON field', () =>
    rejects(where(cmp('detail', 'eq', 'x')), '/where'));
  it('rejects an internal field outside scope', () =>
    rejects(where(cmp('tenant', 'eq', 't2')), '/where'));
  it('allows internal fields in scope', () =>
    expect(() => checkFields({ ...base, scope: inList('tenant', ['t1']) })).not.toThrow());
  it('rejects a value of the wrong type', () =>
    rejects(where(cmp('recordedAt', 'gte', '2024-01-01')), '/where'));
  it('rejects a non-$ field inside a json test', () =>
    rejects(where(json('detail', ['a'], cmp('actor', 'eq', 'x'))), '/where/test'));
  it('rejects a sort on a JSON field', () =>
    rejects(
      { ...base, sort: [{ field: 'detail', dir: 'asc', missing: 'last' }, ...base.sort.slice(1)] },
      '/sort/0',
    ));
  it('accepts a sort on one header of an entity row, not of other families', () => {
    const sort = [
      { field: 'headers.x-team', dir: 'asc', missing: 'last' } as const,
      ...base.sort.slice(1),
    ];
    expect(() => checkFields({ ...base, sort })).not.toThrow();
    rejects({ ...base, family: 'admin', sort }, '/sort/0');
    rejects(
      { ...base, sort: [{ field: 'headers.', dir: 'asc', missing: 'last' }, ...sort.slice(1)] },
      '/sort/0',
    );
  });
  it('rejects a sort that does not end with seq', () =>
    rejects({ ...base, sort: base.sort.slice(0, 1) }, '/sort'));
  it('rejects a keyset of the wrong length', () =>
    rejects({ ...base, page: { after: [1], includeSeq: true, limit: 5 } }, '/page/after'));
  it('rejects a tail outside the request family', () =>
    rejects({ ...base, page: { tail: null, limit: 5 } }, '/page/tail'));
  it('rejects a terms aggregation on an unaggregatable field', () =>
    rejects(
      {
        ...base,
        aggs: {
          a: { type: 'terms', field: { field: 'seq' }, size: 10, minDocCount: 1, order: [] },
        },
      },
      '/aggs/a/field',
    ));
  it('caps the size of the tree with a 400', () => {
    let p: Predicate = cmp('actor', 'eq', 'x');
    for (let i = 0; i < 200; i++) p = { op: 'not', of: p };
    expect(() => checkFields(where(p))).toThrow(
      expect.objectContaining({ code: 'AQ100', status: 400 }) as Error,
    );
  });
});
