/**
 * The records the store's write path takes (spec/ingest.md §5), already validated and normalised by
 * the caller: defaults applied, legacy actions mapped, `""` qualified names turned into null. The
 * store trusts these shapes; everything user-facing is checked before they are built.
 */
export type JsonObject = { [key: string]: unknown };

export interface AtlanRecord {
  readonly entityId: string;
  /** the stored action (TAG_* already mapped to CLASSIFICATION_*) */
  readonly action: string;
  readonly typeName: string;
  /** null when absent, null or "" */
  readonly entityQualifiedName: string | null;
  readonly user: string;
  /** epoch ms */
  readonly timestamp: number;
  /** epoch ms */
  readonly created: number;
  /** the effective eventKey: `entityId:timestamp` when none was given */
  readonly eventKey: string;
  readonly detail: JsonObject | null;
  readonly headers: Readonly<Record<string, string>> | null;
}

export interface AtlasEntry {
  readonly guid: string;
  readonly userName: string;
  readonly operation: string;
  readonly params: string | null;
  readonly startTime: number;
  readonly endTime: number | null;
  readonly clientId: string | null;
  readonly result: string | null;
  /** 0 when absent */
  readonly resultCount: number;
  readonly runId: string | null;
  readonly auditRowKind: string | null;
}

export interface AtomicEntry {
  readonly id: string;
  readonly url: string;
  readonly status: number;
  readonly auth: JsonObject;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly method: string;
  readonly query: JsonObject | null;
  readonly payload: string | null;
  readonly source: string;
  readonly environmentId: string;
  /** duration in ms, fractional */
  readonly time: number | null;
  readonly resource: { readonly type: string } | null;
  readonly action: { readonly type: string; readonly description: string | null } | null;
  /** epoch ms of the `created` text */
  readonly created: number;
}

/** A type definition as ingested: `category` and `name` are its key, the rest is kept verbatim. */
export interface TypedefRecord {
  readonly category: string;
  readonly name: string;
  readonly definition: JsonObject;
}

/** An entity header as ingested (AtlasEntityHeader); kept verbatim. */
export interface EntityHeaderRecord {
  readonly guid: string;
  readonly updateTime: number | null;
  readonly header: JsonObject;
}

export type IngestBatchRecords =
  | { readonly kind: 'atlan'; readonly records: readonly AtlanRecord[] }
  | { readonly kind: 'atlas'; readonly records: readonly AtlasEntry[] }
  | { readonly kind: 'atomic'; readonly records: readonly AtomicEntry[] }
  | { readonly kind: 'typedef'; readonly records: readonly TypedefRecord[] }
  | { readonly kind: 'entityHeader'; readonly records: readonly EntityHeaderRecord[] };

export type IngestKind = IngestBatchRecords['kind'];

/** The 200 body (spec/ingest.md §4.3). */
export interface IngestCounts {
  readonly ingested: number;
  readonly duplicates: number;
}

/** An Idempotency-Key sent with the batch (spec/ingest.md §4.6). */
export interface IdempotencyRequest {
  readonly path: string;
  readonly key: string;
  readonly bodySha256: Buffer;
}

export type IngestOutcome =
  | { readonly kind: 'stored'; readonly counts: IngestCounts; readonly derivedEvents: number }
  /** the key was already used with this body: its stored response, nothing written */
  | { readonly kind: 'replayed'; readonly response: IngestCounts }
  /** the key was already used with another body */
  | { readonly kind: 'keyMismatch' }
  /** another request holding the key is still running */
  | { readonly kind: 'keyInFlight' };
