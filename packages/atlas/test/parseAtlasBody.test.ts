import { AuditError } from '@audit-gateway/ir';
import { parseAtlasBody } from '../src/parseAtlasBody';

const json = (value: unknown) => ({ kind: 'json', value }) as const;
const leaf = (extra: Record<string, unknown>) => ({
  auditFilters: {
    condition: 'AND',
    criterion: [{ attributeName: 'userName', operator: 'eq', attributeValue: 'x', ...extra }],
  },
});

function parseErrorOf(value: unknown): AuditError {
  try {
    parseAtlasBody(json(value));
  } catch (e) {
    if (AuditError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('parseAtlasBody (the parse stage, before the role check)', () => {
  it('treats empty and null bodies as missing, for the semantic stage', () => {
    expect(parseAtlasBody({ kind: 'empty' })).toEqual({ kind: 'missing' });
    expect(parseAtlasBody(json(null))).toEqual({ kind: 'missing' });
  });

  it.each([[[]], ['x'], [42], [true]])('rejects the top-level value %j (case 6)', (value) => {
    const e = parseErrorOf(value);
    expect(e.status).toBe(400);
    expect(e.native).toBeUndefined();
  });

  it.each([
    ['condition "and"', { auditFilters: { condition: 'and' } }],
    ['condition "Or"', { auditFilters: { condition: 'Or' } }],
    ['sortOrder "desc"', { sortOrder: 'desc' }],
    ['sortOrder "Descending"', { sortOrder: 'Descending' }],
    ['limit "abc"', { limit: 'abc' }],
    ['limit "3.9"', { limit: '3.9' }],
    ['limit " 3"', { limit: ' 3' }],
    ['limit true', { limit: true }],
    ['limit 3000000000', { limit: 3000000000 }],
    ['offset {}', { offset: {} }],
    ['criterion {}', { auditFilters: { condition: 'AND', criterion: {} } }],
    ['attributeValue object', leaf({ attributeValue: { a: 1 } })],
    ['attributeValue array', leaf({ attributeValue: ['PURGE'] })],
    ['attributeName 5', leaf({ attributeName: 5 })],
    ['operator ["eq"]', leaf({ operator: ['eq'] })],
    ['criterion element "x"', { auditFilters: { condition: 'AND', criterion: ['x'] } }],
    ['sortBy 5', { sortBy: 5 }],
    ['unknown top-level key', { auditfilters: {} }],
    ['unknown top-level key typeName', { typeName: 'x' }],
    ['unknown leaf key', leaf({ extra: 1 })],
    ['auditFilters array', { auditFilters: [] }],
    // ignored nodes are still type-checked (§3.3)
    ['bad node under an ignored list', { auditFilters: { criterion: [{ condition: 'x' }] } }],
  ])('case 37: %s is a 400 {error}', (_name, body) => {
    const e = parseErrorOf(body);
    expect(e.status).toBe(400);
    expect(e.native).toBeUndefined();
  });

  it('names the JSON path of the bad value', () => {
    expect(parseErrorOf(leaf({ extra: 1 })).message).toMatch(
      /^auditFilters\.criterion\[0\]\.extra: unknown key/,
    );
    expect(
      parseErrorOf({ auditFilters: { condition: 'AND', criterion: [null, { condition: 'or' }] } })
        .message,
    ).toMatch(/^auditFilters\.criterion\[1\]\.condition: must be "AND" or "OR"/);
  });

  it('accepts the Python client shape with explicit nulls (case 10)', () => {
    const parsed = parseAtlasBody(
      json({
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
      }),
    );
    expect(parsed.kind).toBe('params');
  });

  it('truncates numbers, parses integer strings and measures the tree', () => {
    const parsed = parseAtlasBody(
      json({
        limit: 3.9,
        offset: '-3',
        auditFilters: { condition: 'AND', criterion: [null, { criterion: [{}, {}] }] },
      }),
    );
    expect(parsed).toMatchObject({
      kind: 'params',
      params: { limit: 3, offset: -3, depth: 3, nodes: 4 },
    });
    expect(parseAtlasBody(json({ limit: -0.5, offset: '' }))).toMatchObject({
      params: { limit: 0, offset: null },
    });
  });
});
