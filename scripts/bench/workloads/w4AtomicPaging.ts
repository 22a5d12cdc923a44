/**
 * W4, deep Atomic paging (DESIGN §6): walk `--pages` pages of `GET /v1/{env}/audit-log?authType=…`
 * with the cursor, and compare the last full page with the first. The SQL walks the same rows with
 * a keyset on (recorded_at, seq). When the dataset holds fewer than pages × 1000 matching rows, the
 * page size shrinks so the walk still reaches the same depth (the report says which size was used).
 * The depth ratio comes from page 1 and the deepest page asked alternately with their saved cursors.
 */
import { summarise, type LatencyStats } from '../LatencyStats';
import type { WorkloadContext } from './WorkloadContext';
import { ratio, skippedResult, type WorkloadResult } from './WorkloadResult';

const COLUMNS = `seq, external_id, environment, occurred_at, recorded_at, actor, action, url, method,
  ip, user_agent, source, auth_type, resource_type, action_description, payload, status,
  duration_ms, auth, query`;

const FIRST = `SELECT ${COLUMNS} FROM audit_events
  WHERE tenant = ? AND family = 'request' AND environment = ? AND auth_type = ?
  ORDER BY recorded_at DESC, seq DESC LIMIT ?`;

const NEXT = `SELECT ${COLUMNS} FROM audit_events
  WHERE tenant = ? AND family = 'request' AND environment = ? AND auth_type = ?
    AND (recorded_at, seq) < (?::timestamptz, ?::bigint)
  ORDER BY recorded_at DESC, seq DESC LIMIT ?`;

/** walks per side; the per-page series is the median over them */
const WALKS = 3;
const WALK_BUDGET_MS = 120_000;

interface Walk {
  /** ms per page, in page order */
  readonly pages: number[];
  /** how to ask for each page again (its cursor or keyset), in page order */
  readonly refetch: (() => Promise<void>)[];
  readonly errors: number;
  readonly firstError?: string;
}

/** paired rounds of W4's depth figure: page 1 and the deepest page, one right after the other */
const DEPTH_ROUNDS = 30;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)]!;
};

async function walkGateway(ctx: WorkloadContext, base: string, maxPages: number): Promise<Walk> {
  const pages: number[] = [];
  const refetch: (() => Promise<void>)[] = [];
  let cursor: string | null = null;
  const start = performance.now();
  try {
    for (let p = 0; p < maxPages; p++) {
      const path: string = cursor === null ? base : `${base}&cursor=${encodeURIComponent(cursor)}`;
      const get = () =>
        ctx.gateway.client.json<{ data: unknown[]; cursor: string | null }>({
          method: 'GET',
          path,
          token: ctx.tokens.read,
        });
      const t0 = performance.now();
      const page = await get();
      pages.push(performance.now() - t0);
      refetch.push(async () => void (await get()));
      cursor = page.cursor;
      if (cursor === null || performance.now() - start > WALK_BUDGET_MS) break;
    }
  } catch (e) {
    return { pages, refetch, errors: 1, firstError: e instanceof Error ? e.message : String(e) };
  }
  return { pages, refetch, errors: 0 };
}

async function walkSql(
  ctx: WorkloadContext,
  env: string,
  authType: string,
  limit: number,
  maxPages: number,
): Promise<Walk> {
  const pages: number[] = [];
  const refetch: (() => Promise<void>)[] = [];
  const t = ctx.samples.tenant;
  let after: { recorded_at: string; seq: string } | undefined;
  for (let p = 0; p < maxPages; p++) {
    const [sql, bindings] = after
      ? [NEXT, [t, env, authType, after.recorded_at, after.seq, limit + 1]]
      : [FIRST, [t, env, authType, limit + 1]];
    const get = () =>
      ctx.db.raw<{ rows: { recorded_at: Date; seq: string }[] }>(sql, bindings as never[]);
    const t0 = performance.now();
    const { rows } = await get();
    pages.push(performance.now() - t0);
    refetch.push(async () => void (await get()));
    if (rows.length <= limit) break;
    const last = rows[limit - 1]!;
    after = { recorded_at: last.recorded_at.toISOString(), seq: last.seq };
  }
  return { pages, refetch, errors: 0 };
}

/**
 * Page 1 and the deepest page, asked alternately DEPTH_ROUNDS times with their saved cursors: a
 * paired comparison, so the machine's drift during a walk cannot pass for a depth effect. Single
 * pages of 10–20 ms varied by ±50% between walks on a shared machine.
 */
async function pairedDepth(walk: Walk): Promise<{ page1: number; pageN: number }> {
  const first = walk.refetch[0];
  const last = walk.refetch[walk.refetch.length - 1];
  if (!first || !last) return { page1: Number.NaN, pageN: Number.NaN };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < DEPTH_ROUNDS; i++) {
    let t0 = performance.now();
    await first();
    a.push(performance.now() - t0);
    t0 = performance.now();
    await last();
    b.push(performance.now() - t0);
  }
  return { page1: median(a), pageN: median(b) };
}

/** per page position, the median over the walks that reached it */
function perPage(walks: Walk[]): number[] {
  const n = Math.min(...walks.map((w) => w.pages.length));
  return Array.from({ length: n }, (_, i) => median(walks.map((w) => w.pages[i]!)));
}

function stats(walks: Walk[], wallMs: number): LatencyStats {
  const first = walks.find((w) => w.firstError !== undefined)?.firstError;
  return summarise(
    walks.flatMap((w) => w.pages),
    walks.reduce((a, w) => a + w.errors, 0),
    wallMs,
    first,
  );
}

export async function runW4(ctx: WorkloadContext): Promise<WorkloadResult> {
  const title = 'Atomic audit-log: walk pages with authType and the cursor';
  const { atomicEnvironment: env, atomicAuthType: authType, tenant } = ctx.samples;
  if (!env || !authType) return skippedResult('W4', title, 'the dataset has no Atomic entries');
  const { rows } = await ctx.db.raw<{ rows: { n: string }[] }>(
    `SELECT count(*) AS n FROM audit_events
     WHERE tenant = ? AND family = 'request' AND environment = ? AND auth_type = ?`,
    [tenant, env, authType],
  );
  const matching = Number(rows[0]?.n ?? 0);
  const wanted = ctx.options.pages;
  const limit = Math.max(1, Math.min(1000, Math.floor(matching / wanted)));
  const base = `/v1/${encodeURIComponent(env)}/audit-log?authType=${encodeURIComponent(authType)}&limit=${limit}`;

  ctx.gateway.resetPeakRss();
  await walkGateway(ctx, base, 2); // warm-up
  const gw: Walk[] = [];
  const g0 = performance.now();
  for (let i = 0; i < WALKS; i++) gw.push(await walkGateway(ctx, base, wanted));
  const gWall = performance.now() - g0;
  await walkSql(ctx, env, authType, limit, 2);
  const sq: Walk[] = [];
  const s0 = performance.now();
  for (let i = 0; i < WALKS; i++) sq.push(await walkSql(ctx, env, authType, limit, wanted));
  const sWall = performance.now() - s0;

  const gPages = perPage(gw);
  const sPages = perPage(sq);
  const g = await pairedDepth(gw[0]!);
  const s = await pairedDepth(sq[0]!);
  const gateway = stats(gw, gWall);
  const sql = stats(sq, sWall);
  return {
    id: 'W4',
    title,
    gateway,
    sql,
    ratio: ratio(gateway.p50, sql.p50),
    peakRssMiB: ctx.gateway.peakRssMiB(),
    extra: {
      environment: env,
      authType,
      matchingRows: matching,
      limit,
      pagesWalked: gPages.length,
      gatewayPage1Ms: round(g.page1),
      gatewayLastPageMs: round(g.pageN),
      gatewayDepthRatio: ratio(g.pageN, g.page1),
      sqlPage1Ms: round(s.page1),
      sqlLastPageMs: round(s.pageN),
      sqlDepthRatio: ratio(s.pageN, s.page1),
      depthRounds: DEPTH_ROUNDS,
      gatewayPageMs: gPages.map(round),
      sqlPageMs: sPages.map(round),
    },
  };
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;
