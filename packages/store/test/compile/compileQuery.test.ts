import { compileQuery } from '../../src/compile/compileQuery';
import { QUERY_CASES } from './compileQueryCases';

describe('compileQuery: exact SQL', () => {
  it.each(QUERY_CASES)('$name', (c) => {
    const compiled = compileQuery(c.query);
    expect(compiled.hits.sql).toBe(c.hits);
    expect(compiled.hits.bindings).toEqual(c.bindings);
    expect(compiled.total?.sql).toBe(c.total);
  });
});
