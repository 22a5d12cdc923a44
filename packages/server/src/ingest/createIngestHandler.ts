/**
 * One ingest endpoint (spec/ingest.md §4.1 from step 8 on): the `_system` refusal, the
 * Idempotency-Key lookup, parsing, validation of every record, the derived-event cap, and the
 * store's one transaction. 200 is sent only after COMMIT.
 */
import { createHash } from 'node:crypto';
import { AuditError, type SurfaceHandler, type SurfaceRequest } from '@audit-gateway/ir';
import {
  countDerivedEvents,
  ingestBatch,
  lookupIdempotencyKey,
  type AtlasEntry,
  type Db,
  type IdempotencyRequest,
  type IngestCounts,
  type IngestKind,
} from '@audit-gateway/store';
import { parseIdempotencyKey } from './idempotencyKeyHeader';
import { bodyFormatOf, parseIngestBody } from './parse/parseIngestBody';
import type { IngestContext } from './validate/IngestContext';
import { validateBatch } from './validate/validateBatch';

export const MAX_DERIVED_EVENTS = 100_000;

const ok = (body: IngestCounts, replayed = false) => ({
  status: 200,
  headers: {
    'Content-Type': 'application/json',
    ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  },
  body,
});

const keyMismatch = () =>
  new AuditError('AQ152', 'idempotency key reused with a different body; nothing was written');

export function ingestContext(req: SurfaceRequest): IngestContext {
  const p = req.principal;
  return {
    tenant: p.tenant,
    environments: p.roles.includes('gateway:admin') ? 'any' : p.environments,
  };
}

export function createIngestHandler(db: Db, kind: IngestKind): SurfaceHandler {
  return async (req) => {
    if (req.principal.tenant === '_system') {
      throw new AuditError(
        'AQ403',
        "The reserved tenant _system holds only the gateway's own records; it cannot ingest",
      );
    }
    if (req.body.kind !== 'raw') throw AuditError.bug('ingest routes read raw bodies');
    const bytes = req.body.bytes;
    const tenant = req.principal.tenant;
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    const idempotency: IdempotencyRequest | undefined =
      key === undefined
        ? undefined
        : {
            path: req.path.replace(/\/+$/, ''),
            key,
            bodySha256: createHash('sha256').update(bytes).digest(),
          };
    if (idempotency) {
      const found = await lookupIdempotencyKey(db, tenant, idempotency);
      if (found.kind === 'same') return ok(found.response, true);
      if (found.kind === 'different') throw keyMismatch();
    }

    const records = parseIngestBody(bytes, bodyFormatOf(req.body.contentType));
    const validation = validateBatch(kind, records, ingestContext(req));
    if (!validation.ok) {
      throw new AuditError(
        'AQ422',
        `${validation.invalid} of ${records.length} records are invalid; nothing was written`,
        { extra: { errors: validation.errors, invalidRecords: validation.invalid } },
      );
    }
    const batch = validation.batch;
    if (batch.kind === 'atlas') checkDerivedEvents(batch.records);

    const out = await ingestBatch(db, { tenant, batch, ...(idempotency ? { idempotency } : {}) });
    switch (out.kind) {
      case 'stored':
        return ok(out.counts);
      case 'replayed':
        return ok(out.response, true);
      case 'keyMismatch':
        throw keyMismatch();
      case 'keyInFlight':
        throw new AuditError(
          'AQ409',
          'A request with the same Idempotency-Key is still being processed; retry later',
        );
    }
  };
}

function checkDerivedEvents(entries: readonly AtlasEntry[]): void {
  const derived = countDerivedEvents(entries);
  if (derived > MAX_DERIVED_EVENTS) {
    throw new AuditError(
      'AQ413',
      `The purges of this batch list ${derived} GUIDs, more than ${MAX_DERIVED_EVENTS} derived events; split the batch`,
      { extra: { limit: { derivedEvents: MAX_DERIVED_EVENTS } } },
    );
  }
}
