/**
 * One request event as its audit_events row (DESIGN §2.1, family `request`). The recorder builds it
 * when the request finishes and writes it later in a batch; `generation` is added at write time.
 */
export interface RequestEventRow {
  readonly id: string;
  readonly external_id: string;
  readonly natural_key: string;
  readonly tenant: string;
  readonly environment: string;
  readonly family: 'request';
  readonly occurred_at: Date;
  readonly recorded_at: Date;
  readonly actor: string | null;
  readonly action: string;
  readonly url: string;
  readonly method: string;
  readonly ip: string | null;
  readonly user_agent: string | null;
  readonly source: string;
  readonly auth_type: string | null;
  readonly resource_type: string;
  readonly action_description: string;
  readonly payload: string | null;
  readonly status: number;
  readonly duration_ms: number;
  /** JSON text */
  readonly auth: string | null;
  /** JSON text */
  readonly query: string;
}
