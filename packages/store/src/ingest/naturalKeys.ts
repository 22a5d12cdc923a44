/** Natural ids (spec/ingest.md §4.5, DESIGN §2.1): what makes a retried record a duplicate. */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';
import type { AtlanRecord } from './ingestTypes';

/** SHA-256 of [eventKey, action, user, created, timestamp, entityId, detail]; headers excluded. */
export function atlanNaturalKey(r: AtlanRecord): string {
  const tuple = [r.eventKey, r.action, r.user, r.created, r.timestamp, r.entityId, r.detail];
  return createHash('sha256').update(canonicalJson(tuple), 'utf8').digest('hex');
}

/** Its own namespace, so a derived purge never collides with an ingested Atlan record. */
export function derivedPurgeNaturalKey(atlasGuid: string, purgedGuid: string): string {
  return `derived:${atlasGuid}:${purgedGuid}`;
}

/** A signed 64-bit advisory-lock key from any strings (pg_advisory_xact_lock takes bigint). */
export function advisoryLockKey(...parts: readonly string[]): string {
  const digest = createHash('sha256').update(JSON.stringify(parts), 'utf8').digest();
  return digest.readBigInt64BE(0).toString();
}
