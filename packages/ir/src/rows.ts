/** What the store returns: canonical rows (DESIGN §2.1, camelCase) and result pages. */
import type { AggResult } from './aggregations';
import type { Family } from './types';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export interface CanonicalRow {
  /** bigint as a decimal string */
  readonly seq: string;
  readonly externalId: string | null;
  readonly tenant: string;
  readonly environment: string | null;
  readonly family: Family;
  readonly generation: number;
  /** xid8 as a decimal string */
  readonly txid: string;
  /** epoch ms */
  readonly occurredAt: number;
  /** epoch ms; null only for admin rows without endTime */
  readonly recordedAt: number | null;
  readonly actor: string | null;
  readonly action: string | null;
  readonly entityId: string | null;
  readonly entityQualifiedName: string | null;
  readonly typeName: string | null;
  readonly eventKey: string | null;
  /** NULL when the row has none or the caller may not see it (see detailVisible) */
  readonly detail: JsonValue | null;
  /** false when the row is outside the query's detailScope */
  readonly detailVisible: boolean;
  readonly headers: JsonValue | null;
  readonly params: string | null;
  readonly result: string | null;
  readonly clientId: string | null;
  readonly runId: string | null;
  readonly auditRowKind: string | null;
  readonly resultCount: number | null;
  readonly url: string | null;
  readonly method: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly source: string | null;
  readonly authType: string | null;
  readonly resourceType: string | null;
  readonly actionDescription: string | null;
  readonly payload: string | null;
  readonly status: number | null;
  readonly durationMs: number | null;
  readonly auth: JsonValue | null;
  readonly query: JsonValue | null;
}

export interface TotalCount {
  readonly value: number;
  /** `gte` when counting stopped at the cap */
  readonly relation: 'eq' | 'gte';
}

export interface ResultPage {
  readonly rows: readonly CanonicalRow[];
  /** true when at least one more row follows the page (the store fetches limit + 1) */
  readonly hasMore: boolean;
  readonly total?: TotalCount;
  readonly aggs?: Readonly<Record<string, AggResult>>;
}

export type { AggResult };
