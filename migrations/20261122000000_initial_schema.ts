/**
 * The whole store of DESIGN §2: audit_events (one canonical row for three families) and the
 * supporting tables. Keyword columns are `COLLATE "C"` so comparisons, ranges, sorting and their
 * indexes are binary, as Elasticsearch and the specs require; case-insensitive matching uses the ICU
 * collation `audit_fold` explicitly. Migrations import nothing from packages/ (STYLE §3.12).
 */
import type { Knex } from 'knex';

const KEYWORD = 'text COLLATE "C"';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE COLLATION IF NOT EXISTS audit_fold (provider = icu, locale = 'und')`);

  await knex.raw(`CREATE TABLE IF NOT EXISTS audit_events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id uuid NOT NULL,
    external_id ${KEYWORD},
    tenant ${KEYWORD} NOT NULL,
    environment ${KEYWORD},
    family ${KEYWORD} NOT NULL CHECK (family IN ('entity', 'admin', 'request')),
    generation smallint NOT NULL,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    occurred_at timestamptz(3) NOT NULL,
    recorded_at timestamptz(3),
    actor ${KEYWORD},
    action ${KEYWORD},
    entity_id ${KEYWORD},
    entity_qualified_name ${KEYWORD},
    type_name ${KEYWORD},
    event_key ${KEYWORD},
    detail jsonb,
    headers jsonb,
    params ${KEYWORD},
    result ${KEYWORD},
    client_id ${KEYWORD},
    run_id ${KEYWORD},
    audit_row_kind ${KEYWORD},
    result_count bigint,
    url ${KEYWORD},
    method ${KEYWORD},
    ip ${KEYWORD},
    user_agent ${KEYWORD},
    source ${KEYWORD},
    auth_type ${KEYWORD},
    resource_type ${KEYWORD},
    action_description ${KEYWORD},
    payload ${KEYWORD},
    status integer,
    duration_ms double precision,
    auth jsonb,
    query jsonb,
    natural_key ${KEYWORD} NOT NULL,
    CONSTRAINT audit_events_recorded_at_check CHECK (recorded_at IS NOT NULL OR family = 'admin'),
    CONSTRAINT audit_events_environment_check CHECK ((environment IS NOT NULL) = (family = 'request'))
  )`);

  const indexes: [string, string][] = [
    // ingest idempotency (spec/ingest.md §4.5)
    [
      'audit_events_natural_key_idx',
      `UNIQUE INDEX IF NOT EXISTS %I ON audit_events (tenant, family, natural_key)`,
    ],
    // Atlan: entity history (Atlan breaks ties by seq ascending), default listing, actor/action + time
    [
      'audit_events_entity_history_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, entity_id, recorded_at DESC, seq) WHERE family = 'entity'`,
    ],
    [
      'audit_events_entity_qn_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, entity_qualified_name, recorded_at DESC, seq) WHERE family = 'entity'`,
    ],
    [
      'audit_events_entity_created_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, recorded_at DESC, seq) WHERE family = 'entity'`,
    ],
    [
      'audit_events_entity_actor_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, actor, recorded_at DESC) WHERE family = 'entity'`,
    ],
    [
      'audit_events_entity_action_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, action, recorded_at DESC) WHERE family = 'entity'`,
    ],
    // Atlas: operation / userName + startTime, and the default insertion order
    [
      'audit_events_admin_operation_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, action, occurred_at) WHERE family = 'admin'`,
    ],
    [
      'audit_events_admin_user_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, actor, occurred_at) WHERE family = 'admin'`,
    ],
    [
      'audit_events_admin_seq_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, seq) WHERE family = 'admin'`,
    ],
    // Atomic: newest-first pages, the authType filter, and the tail (generation, txid, seq)
    [
      'audit_events_request_desc_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, environment, recorded_at DESC, seq DESC) WHERE family = 'request'`,
    ],
    [
      'audit_events_request_auth_desc_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, environment, auth_type, recorded_at DESC, seq DESC) WHERE family = 'request'`,
    ],
    [
      'audit_events_request_tail_idx',
      `INDEX IF NOT EXISTS %I ON audit_events (tenant, environment, generation, txid, seq) WHERE family = 'request'`,
    ],
  ];
  for (const [name, body] of indexes) {
    await knex.raw(`CREATE ${body.replace('%I', name)}`);
  }

  await knex.raw(`CREATE TABLE IF NOT EXISTS entities (
    tenant ${KEYWORD} NOT NULL,
    guid ${KEYWORD} NOT NULL,
    type_name ${KEYWORD},
    qualified_name ${KEYWORD},
    status ${KEYWORD},
    created_by ${KEYWORD},
    updated_by ${KEYWORD},
    attributes jsonb,
    classifications jsonb,
    classification_names text[],
    labels text[],
    is_incomplete boolean,
    create_time bigint,
    update_time bigint,
    extra jsonb,
    last_timestamp bigint,
    last_created bigint,
    last_seq bigint,
    PRIMARY KEY (tenant, guid)
  )`);

  await knex.raw(`CREATE TABLE IF NOT EXISTS entity_headers (
    tenant ${KEYWORD} NOT NULL,
    guid ${KEYWORD} NOT NULL,
    header jsonb NOT NULL,
    update_time bigint,
    PRIMARY KEY (tenant, guid)
  )`);

  await knex.raw(`CREATE TABLE IF NOT EXISTS typedefs (
    tenant ${KEYWORD} NOT NULL,
    category ${KEYWORD} NOT NULL,
    name ${KEYWORD} NOT NULL,
    definition jsonb NOT NULL,
    updated_at timestamptz(3) NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, category, name)
  )`);

  await knex.raw(`CREATE TABLE IF NOT EXISTS credentials (
    id uuid PRIMARY KEY,
    tenant ${KEYWORD} NOT NULL,
    name ${KEYWORD} NOT NULL,
    kind ${KEYWORD} NOT NULL CHECK (kind IN ('token', 'password')),
    secret_hash text NOT NULL,
    roles text[] NOT NULL DEFAULT '{}',
    environments text[] NOT NULL DEFAULT '{}',
    policy jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz(3) NOT NULL DEFAULT now(),
    revoked_at timestamptz(3),
    last_used_at timestamptz(3)
  )`);
  await knex.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS credentials_tenant_name_idx ON credentials (tenant, name)`,
  );
  await knex.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS credentials_password_name_idx ON credentials (name) WHERE kind = 'password'`,
  );
  await knex.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS credentials_token_hash_idx ON credentials (secret_hash) WHERE kind = 'token'`,
  );

  await knex.raw(`CREATE TABLE IF NOT EXISTS store_meta (
    key text PRIMARY KEY,
    value jsonb NOT NULL,
    updated_at timestamptz(3) NOT NULL DEFAULT now()
  )`);
  // The store generation (spec/atomic-audit-log.md §8.4) exists from the first migration on.
  await knex.raw(
    `INSERT INTO store_meta (key, value) VALUES ('generation', '1') ON CONFLICT (key) DO NOTHING`,
  );

  await knex.raw(`CREATE TABLE IF NOT EXISTS idempotency_keys (
    tenant ${KEYWORD} NOT NULL,
    path text NOT NULL,
    key text NOT NULL,
    body_sha256 bytea NOT NULL,
    response jsonb NOT NULL,
    created_at timestamptz(3) NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, path, key)
  )`);
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS idempotency_keys_created_idx ON idempotency_keys (created_at)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'store_meta',
    'credentials',
    'typedefs',
    'entity_headers',
    'entities',
    'audit_events',
  ]) {
    await knex.raw(`DROP TABLE IF EXISTS ${table}`);
  }
  await knex.raw('DROP COLLATION IF EXISTS audit_fold');
}
