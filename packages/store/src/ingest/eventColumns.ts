/**
 * The audit_events columns the write path fills (DESIGN §2.1) and the SQL type each is cast to when
 * a batch is unnested. `id`, `tenant`, `family`, `generation` and `txid` are filled per batch.
 */
export const EVENT_COLUMN_TYPES = {
  external_id: 'text',
  environment: 'text',
  occurred_at: 'timestamptz',
  recorded_at: 'timestamptz',
  actor: 'text',
  action: 'text',
  entity_id: 'text',
  entity_qualified_name: 'text',
  type_name: 'text',
  event_key: 'text',
  detail: 'jsonb',
  headers: 'jsonb',
  params: 'text',
  result: 'text',
  client_id: 'text',
  run_id: 'text',
  audit_row_kind: 'text',
  result_count: 'bigint',
  url: 'text',
  method: 'text',
  ip: 'text',
  user_agent: 'text',
  source: 'text',
  auth_type: 'text',
  resource_type: 'text',
  action_description: 'text',
  payload: 'text',
  status: 'integer',
  duration_ms: 'float8',
  auth: 'jsonb',
  query: 'jsonb',
  natural_key: 'text',
} as const;

export type EventColumn = keyof typeof EVENT_COLUMN_TYPES;

/** One row to insert: column → value already in its text form (JSON text, ISO instant). */
export type EventRow = { readonly [C in EventColumn]?: string | number | null } & {
  readonly natural_key: string;
};

/** Milliseconds → the ISO text PostgreSQL reads exactly (times are whole milliseconds, §2.1). */
export function msToTimestamptz(ms: number): string {
  return new Date(Math.trunc(ms)).toISOString();
}
