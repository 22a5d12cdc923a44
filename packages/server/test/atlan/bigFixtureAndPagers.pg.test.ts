/**
 * spec/atlan-auditsearch.md §10.2 cases 39, 40 (F-big part), 62, 63, 64, and the acceptance
 * criteria on SDK paging: every matching entry exactly once.
 */
import { A, BIG, rowNumber } from './atlanFixture';
import { expectAtlas400, useAtlanFixture } from './conformance';
import { byGuid, javaWindows, offsetPages, pyatlanIterate } from './sdkPagers';

const atlan = useAtlanFixture({ big: true });
const created = (i: number) => 1700000000000 + 1000 * i + 1;
const indexOf = (e: Record<string, unknown>) => ((e.created as number) - 1700000000001) / 1000;

describe('F-big', () => {
  it('case 39: track_total_hits', async () => {
    const total = async (v: unknown) =>
      (await atlan.search({ size: 0, ...(v === undefined ? {} : { track_total_hits: v }) }, 'K4'))
        .totalCount;
    expect(await total(undefined)).toBe(10000);
    expect(await total(true)).toBe(10005);
    expect(await total('true')).toBe(10005);
    expect(await total(10004)).toBe(10004);
    expect(await total(20000)).toBe(10005);
    expect(await total(0)).toBe(0);
    expect(await total(false)).toBe(-1);
    expect(await total(-1)).toBe(-1);
    expectAtlas400(await atlan.fail({ size: 0, track_total_hits: -2 }, 'K4'));
    const n = await atlan.search(
      { size: 0, track_total_hits: false, aggs: { n: { value_count: { field: 'user' } } } },
      'K4',
    );
    expect(n.totalCount).toBe(-1);
    expect(n.aggregations?.n.value).toBe(10005);
    const tail = await atlan.search({ from: 9990, size: 10 }, 'K4');
    expect(tail.count).toBe(10);
    expect(tail.totalCount).toBe(10000);
    expect(tail.entityAudits.map(indexOf)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
  });

  it('case 40: search_after reads past the result window', async () => {
    const body = await atlan.search(
      { size: 10, sort: [{ created: 'asc' }], search_after: [1700009999001] },
      'K4',
    );
    expect(body.entityAudits.map((e) => e.created)).toEqual(
      [10000, 10001, 10002, 10003, 10004].map(created),
    );
  });

  it('case 62: offset paging stops at the result window', async () => {
    const sort = [{ created: { order: 'asc' } }];
    const page = await atlan.search({ from: 9000, size: 1000, sort }, 'K4');
    expect(page.count).toBe(1000);
    expect(page.totalCount).toBe(10000);
    expect(page.entityAudits.map(indexOf)).toEqual(
      Array.from({ length: 1000 }, (_, i) => 9000 + i),
    );
    expectAtlas400(await atlan.fail({ from: 10000, size: 1000, sort }, 'K4'), 'but was [11000]');
  });

  it('case 63: pyatlan switches to timestamp paging (distinct eventKeys)', async () => {
    const entries = await pyatlanIterate(atlan, byGuid(BIG, 300), { bulk: false, who: 'K4' });
    expect(entries).toHaveLength(10005);
    expect(new Set(entries.map(indexOf)).size).toBe(10005);
  });

  it('acceptance: offset paging over up to 10,000 entries yields each exactly once', async () => {
    // 9,500 matching rows: the pager's empty page (from 9,500, size 250) is inside the window
    const dsl = {
      size: 250,
      track_total_hits: true,
      query: { range: { created: { lt: created(9500) } } },
    };
    const entries = await offsetPages(atlan, dsl, 'K4');
    expect(entries).toHaveLength(9500);
    expect(new Set(entries.map(indexOf)).size).toBe(9500);
    // the Java SDK's parallel windows over exactly 10,000 rows
    const windows = await javaWindows(
      atlan,
      { track_total_hits: true, query: { range: { created: { lt: created(10000) } } } },
      1000,
      'K4',
    );
    expect(windows).toHaveLength(10000);
    expect(new Set(windows.map(indexOf)).size).toBe(10000);
  });
});

describe('fixture F', () => {
  it('case 64: the documented collapse (shared eventKeys)', async () => {
    const bulk = await pyatlanIterate(atlan, byGuid(A, 3), { bulk: true });
    expect(bulk.map(rowNumber)).toEqual([1, 4, 5, 8, 10, 11, 12, 15]);
    const offset = await pyatlanIterate(atlan, byGuid(A, 3), { bulk: false });
    expect(offset.map(rowNumber).sort((a, b) => a - b)).toEqual([1, 4, 5, 6, 8, 10, 11, 12, 15]);
  });
});
