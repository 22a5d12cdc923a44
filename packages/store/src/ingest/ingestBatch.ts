/**
 * The store's one write path (spec/ingest.md §4.1 steps 9 and 13–14, §4.2): a validated batch of
 * one record type in ONE transaction, retried whole on deadlock or serialization failure. The HTTP
 * handlers and the CLI import both come through here.
 */
import type { Knex } from 'knex';
import { applyEntityState } from './applyEntityState';
import {
  lookupIdempotencyKey,
  storeIdempotencyKey,
  tryLockIdempotencyKey,
} from './idempotencyKeys';
import type {
  IdempotencyRequest,
  IngestBatchRecords,
  IngestCounts,
  IngestOutcome,
} from './ingestTypes';
import { lockEntities } from './lockEntities';
import { upsertEntityHeaders } from './upsertEntityHeaders';
import { upsertTypedefs } from './upsertTypedefs';
import { writeEventBatch } from './writeEventBatch';

export interface IngestBatchInput {
  readonly tenant: string;
  readonly batch: IngestBatchRecords;
  readonly idempotency?: IdempotencyRequest;
}

/** SQLSTATEs after which the whole transaction is retried (§4.2). */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_RETRIES = 3;

export function isRetryableTransactionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

export async function ingestBatch(db: Knex, input: IngestBatchInput): Promise<IngestOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction((trx) => runOnce(trx, input));
    } catch (e) {
      if (attempt >= MAX_RETRIES || !isRetryableTransactionError(e)) throw e;
    }
  }
}

/** The store generation stamped on every row (spec/atomic-audit-log.md §8.4). */
async function readStoreGeneration(db: Knex | Knex.Transaction): Promise<number> {
  const { rows } = await db.raw<{ rows: { value: unknown }[] }>(
    "SELECT value FROM store_meta WHERE key = 'generation'",
  );
  const value = Number(rows[0]?.value ?? 1);
  return Number.isInteger(value) && value > 0 ? value : 1;
}

async function runOnce(trx: Knex.Transaction, input: IngestBatchInput): Promise<IngestOutcome> {
  const { tenant, batch, idempotency } = input;
  if (idempotency) {
    if (!(await tryLockIdempotencyKey(trx, tenant, idempotency))) return { kind: 'keyInFlight' };
    // a request that held the key may have committed since the first look
    const found = await lookupIdempotencyKey(trx, tenant, idempotency);
    if (found.kind === 'same') return { kind: 'replayed', response: found.response };
    if (found.kind === 'different') return { kind: 'keyMismatch' };
  }
  let counts: IngestCounts;
  let derivedEvents = 0;
  switch (batch.kind) {
    case 'atlan':
    case 'atlas':
    case 'atomic': {
      const generation = await readStoreGeneration(trx);
      const r = await writeEventBatch(trx, tenant, generation, batch);
      counts = r.counts;
      derivedEvents = r.derivedEvents;
      break;
    }
    case 'typedef':
      counts = await upsertTypedefs(trx, tenant, batch.records);
      break;
    case 'entityHeader': {
      // locks first: the header rows and the state are changed under the same per-guid locks
      await lockEntities(
        trx,
        tenant,
        batch.records.map((r) => r.guid),
      );
      const r = await upsertEntityHeaders(trx, tenant, batch.records);
      await applyEntityState(trx, tenant, { newEvents: new Map(), headerChanged: r.changed });
      counts = r.counts;
      break;
    }
  }
  if (idempotency) await storeIdempotencyKey(trx, tenant, idempotency, counts);
  return { kind: 'stored', counts, derivedEvents };
}
