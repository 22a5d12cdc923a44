import { all, and, cmp, not, or } from '@audit-gateway/ir';
import { compileCondition, compilePredicate } from '../../src/compile/compilePredicate';
import { COMPILE_CASES } from './compileCases';

describe('compilePredicate: exact SQL', () => {
  it.each(COMPILE_CASES)('$name', (c) => {
    const ctx = {
      family: c.family ?? 'entity',
      alias: 'e',
      detailScope: c.detailScope ?? all(),
    } as const;
    const f = compilePredicate(c.where, ctx);
    expect({ sql: f.sql, bindings: f.bindings }).toEqual({ sql: c.sql, bindings: c.bindings });
  });

  it('compileCondition drops IS TRUE outside not, so indexes apply', () => {
    const ctx = { family: 'entity', alias: 'e', detailScope: all() } as const;
    const f = compileCondition(
      and(cmp('entityId', 'eq', 'g1'), or([cmp('actor', 'eq', 'a'), not(cmp('actor', 'eq', 'b'))])),
      ctx,
    );
    expect(f.sql).toBe(
      `(("e"."entity_id" = ?::text) AND (("e"."actor" = ?::text) OR NOT (("e"."actor" = ?::text) IS TRUE)))`,
    );
    expect(f.bindings).toEqual(['g1', 'a', 'b']);
  });

  it('a value that looks like a fragment is still a binding', () => {
    const ctx = { family: 'entity', alias: 'e', detailScope: all() } as const;
    const evil = { sql: '1=1) OR (TRUE', bindings: [] } as unknown as string;
    expect(compilePredicate(cmp('actor', 'eq', evil), ctx).bindings).toEqual([evil]);
  });
});
