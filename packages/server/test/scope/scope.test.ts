import { AuditError, all, cmp, type AuditQuery, type Family } from '@audit-gateway/ir';
import { scope } from '../../src/scope/scope';
import { principal } from './principal';

function query(family: Family, overrides: Partial<AuditQuery> = {}): AuditQuery {
  return {
    family,
    scope: all(),
    detailScope: all(),
    where: all(),
    sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
    page: { offset: 0, limit: 10 },
    total: 'exact',
    ...overrides,
  };
}

const tenantAnd = (family: Family, ...rest: unknown[]) => ({
  op: 'and',
  of: [
    { op: 'cmp', field: 'tenant', cmp: 'eq', value: 'acme' },
    { op: 'cmp', field: 'family', cmp: 'eq', value: family },
    ...rest,
  ],
});

describe('scope()', () => {
  it('adds tenant and family, and no detail restriction without a policy', () => {
    const q = scope(principal(), query('entity'), {});
    expect(q.scope).toEqual(tenantAnd('entity'));
    expect(q.detailScope).toEqual({ op: 'all' });
  });

  it('overwrites a scope the caller put in the query', () => {
    const sneaky = query('entity', { scope: all(), detailScope: cmp('tenant', 'eq', 'globex') });
    const q = scope(principal(), sneaky, {});
    expect(q.scope).toEqual(tenantAnd('entity'));
    expect(q.detailScope).toEqual({ op: 'all' });
  });

  it('applies typeNames and prefixes to entity events only', () => {
    const who = principal({
      policy: { allow: { typeNames: ['Table'], qualifiedNamePrefixes: ['db/a/', 'db/b/'] } },
    });
    expect(scope(who, query('entity'), {}).scope).toEqual(
      tenantAnd(
        'entity',
        { op: 'in', field: 'typeName', values: ['Table'] },
        {
          op: 'or',
          of: [
            { op: 'text', field: 'entityQualifiedName', match: 'prefix', value: 'db/a/' },
            { op: 'text', field: 'entityQualifiedName', match: 'prefix', value: 'db/b/' },
          ],
        },
      ),
    );
    expect(scope(who, query('admin'), {}).scope).toEqual(tenantAnd('admin'));
  });

  it('turns empty lists into `none`', () => {
    const who = principal({ policy: { allow: { typeNames: [] } } });
    expect(scope(who, query('entity'), {}).scope).toEqual({ op: 'none' });
    const noPrefixes = principal({ policy: { allow: { qualifiedNamePrefixes: [] } } });
    expect(scope(noPrefixes, query('entity'), {}).scope).toEqual({ op: 'none' });
  });

  it.each<Family>(['entity', 'admin'])('applies ownOnly to family %s', (family) => {
    const who = principal({ policy: { allow: { ownOnly: true } } });
    expect(scope(who, query(family), {}).scope).toEqual(
      tenantAnd(family, { op: 'cmp', field: 'actor', cmp: 'eq', value: 'alice' }),
    );
  });

  it('applies ownOnly: false as no restriction', () => {
    const who = principal({ policy: { allow: { ownOnly: false } } });
    expect(scope(who, query('admin'), {}).scope).toEqual(tenantAnd('admin'));
  });

  it('turns the detail policy into detailScope for entity events only', () => {
    const who = principal({ policy: { detail: { qualifiedNamePrefixes: ['db/t1/'] } } });
    expect(scope(who, query('entity'), {}).detailScope).toEqual({
      op: 'text',
      field: 'entityQualifiedName',
      match: 'prefix',
      value: 'db/t1/',
    });
    expect(scope(who, query('entity'), {}).scope).toEqual(tenantAnd('entity'));
    expect(scope(who, query('admin'), {}).detailScope).toEqual({ op: 'all' });
  });

  describe('environments (family request)', () => {
    it('scopes to the target environment when it is listed', () => {
      const q = scope(principal(), query('request'), { environment: 'env-b' });
      expect(q.scope).toEqual(
        tenantAnd('request', { op: 'cmp', field: 'environment', cmp: 'eq', value: 'env-b' }),
      );
    });

    it.each(['env-c', '../env-a', '', 'x'.repeat(129)])('refuses %j with AQ430', (env) => {
      let caught: unknown;
      try {
        scope(principal(), query('request'), { environment: env });
      } catch (e) {
        caught = e;
      }
      expect(AuditError.is(caught) && caught.code).toBe('AQ430');
    });

    it('lets gateway:admin use any well-formed environment of its tenant', () => {
      const admin = principal({ roles: ['gateway:admin'], environments: [] });
      expect(scope(admin, query('request'), { environment: 'env-z' }).scope).toEqual(
        tenantAnd('request', { op: 'cmp', field: 'environment', cmp: 'eq', value: 'env-z' }),
      );
      expect(() => scope(admin, query('request'), { environment: 'bad/id' })).toThrow(AuditError);
    });

    it('limits a query without a target to the listed environments', () => {
      expect(scope(principal(), query('request'), {}).scope).toEqual(
        tenantAnd('request', { op: 'in', field: 'environment', values: ['env-a', 'env-b'] }),
      );
      const none = principal({ environments: [] });
      expect(scope(none, query('request'), {}).scope).toEqual({ op: 'none' });
    });

    it('never lets environments hide other families', () => {
      const none = principal({ environments: [] });
      expect(scope(none, query('entity'), { environment: 'env-c' }).scope).toEqual(
        tenantAnd('entity'),
      );
    });
  });
});
