/**
 * W5, ingest rate (DESIGN §6): the same Atomic records, first through `POST /api/v1/ingest/atomic`
 * in batches of 1000 (two requests in flight), then with COPY straight into audit_events (one
 * stream, another tenant so the natural-key index does not turn them into duplicates). The records
 * get a suffix on their id, so they are new to the store whatever the load already wrote.
 * Target: HTTP ≥ 40% of the COPY rate.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EVENT_COLUMN_TYPES, atomicEventRow, uuidv7, type EventColumn } from '@audit-gateway/store';
import { summarise } from '../LatencyStats';
import { readNdjsonBatches, type JsonRecord } from '../dataset/readNdjson';
import { toAtomicEntry } from '../dataset/toStoreRecords';
import { csvLine } from './copyCsv';
import type { WorkloadContext } from './WorkloadContext';
import { ratio, skippedResult, type WorkloadResult } from './WorkloadResult';

const BATCH = 1000;
const IN_FLIGHT = 2;
const COPY_TENANT = 'bench-copy';
const ID_SUFFIX = '~w5';

async function readRecords(files: readonly string[], max: number): Promise<JsonRecord[]> {
  const out: JsonRecord[] = [];
  for await (const batch of readNdjsonBatches(files, 10_000, max)) out.push(...batch);
  return out.map((r) => ({ ...r, id: `${String(r.id)}${ID_SUFFIX}` }));
}

async function ingestHttp(ctx: WorkloadContext, records: JsonRecord[]) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let ingested = 0;
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    for (;;) {
      const from = next;
      next += BATCH;
      if (from >= records.length) return;
      const body = JSON.stringify(records.slice(from, from + BATCH));
      const t0 = performance.now();
      try {
        const r = await ctx.gateway.client.json<{ ingested: number }>({
          method: 'POST',
          path: '/api/v1/ingest/atomic',
          token: ctx.tokens.ingest,
          json: body,
        });
        latencies.push(performance.now() - t0);
        ingested += r.ingested;
      } catch (e) {
        errors++;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const ms = performance.now() - start;
  return { stats: summarise(latencies, errors, ms, firstError), ingested, ms };
}

async function ingestCopy(ctx: WorkloadContext, records: JsonRecord[]): Promise<number> {
  const { rows } = await ctx.db.raw<{ rows: { g: number }[] }>(
    `SELECT (value #>> '{}')::int AS g FROM store_meta WHERE key = 'generation'`,
  );
  const generation = rows[0]?.g ?? 1;
  const columns = Object.keys(EVENT_COLUMN_TYPES) as EventColumn[];
  const client = new Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    await client.query("SET TIME ZONE 'UTC'");
    const start = performance.now();
    const sql = `COPY audit_events (id, tenant, family, generation, ${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
    const now = Date.now();
    const lines = function* () {
      for (const r of records) {
        const row = atomicEventRow(toAtomicEntry(r));
        yield csvLine([uuidv7(now), COPY_TENANT, 'request', generation], row, columns);
      }
    };
    await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
    return performance.now() - start;
  } finally {
    await client.end();
  }
}

export async function runW5(ctx: WorkloadContext): Promise<WorkloadResult> {
  const title = 'Ingest rate: HTTP batches of 1000 vs COPY into audit_events';
  const records = await readRecords(ctx.atomicFiles, ctx.options.ingestEvents);
  if (records.length === 0) return skippedResult('W5', title, 'the dataset has no Atomic entries');
  ctx.gateway.resetPeakRss();
  const http = await ingestHttp(ctx, records);
  const peakRssMiB = ctx.gateway.peakRssMiB();
  const copyMs = await ingestCopy(ctx, records);
  const httpRate = Math.round((http.ingested / http.ms) * 1000);
  const copyRate = Math.round((records.length / copyMs) * 1000);
  return {
    id: 'W5',
    title,
    gateway: http.stats,
    ratio: ratio(httpRate, copyRate),
    peakRssMiB,
    extra: {
      records: records.length,
      family: 'atomic',
      httpIngested: http.ingested,
      httpEventsPerSecond: httpRate,
      copyEventsPerSecond: copyRate,
      batch: BATCH,
      inFlight: IN_FLIGHT,
    },
  };
}
