/**
 * The `credentials` table (spec/credentials.md §1, §6), read and written with direct knex queries.
 * Every value is a binding. Rows are never deleted: revocation only sets `revoked_at`.
 */
import type { Db } from '@audit-gateway/store';
import type { Knex } from 'knex';
import type { CredentialRow, CredentialSpec } from './types';
import { UUID_PATTERN, uuidv7 } from '@audit-gateway/store';

/** §1.2: the name is taken in the tenant, or, for a password, in any tenant. */
export class NameTakenError extends Error {
  override name = 'NameTakenError';
}

const UNIQUE_VIOLATION = '23505';
const NAME_INDEXES = new Set(['credentials_tenant_name_idx', 'credentials_password_name_idx']);

// knex cannot type a row with readonly array columns; the table's shape is the migration's
const asRow = (row: unknown): CredentialRow | undefined => row as CredentialRow | undefined;

/** Milliseconds are the store's one precision (DESIGN §2.1). */
const toDate = (ms: number) => new Date(Math.floor(ms));

export async function insertCredential(
  db: Db | Knex.Transaction,
  spec: CredentialSpec,
  secretHash: string,
  now: number,
): Promise<CredentialRow> {
  try {
    const [row] = (await db('credentials')
      .insert({
        id: uuidv7(now),
        tenant: spec.tenant,
        name: spec.name,
        kind: spec.kind,
        secret_hash: secretHash,
        roles: spec.roles,
        environments: spec.environments,
        policy: JSON.stringify(spec.policy),
        created_at: toDate(now),
      })
      .returning('*')) as CredentialRow[];
    if (!row) throw new Error('insert returned no row');
    return row;
  } catch (e) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === UNIQUE_VIOLATION && pg.constraint && NAME_INDEXES.has(pg.constraint)) {
      throw new NameTakenError(`credential name ${spec.name} is already taken`);
    }
    throw e;
  }
}

/** Every credential, or one tenant's, revoked ones included; ordered by tenant, then name (binary). */
export async function listCredentials(db: Db, tenant?: string): Promise<CredentialRow[]> {
  const q = db<CredentialRow>('credentials')
    .select('*')
    .orderBy([
      { column: 'tenant', order: 'asc' },
      { column: 'name', order: 'asc' },
    ]);
  if (tenant !== undefined) void q.where({ tenant });
  return await q;
}

/** Text that is not a UUID finds nothing instead of failing the uuid cast. */
export async function findCredentialById(
  db: Db | Knex.Transaction,
  id: string,
): Promise<CredentialRow | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  return asRow(await db('credentials').where({ id }).first());
}

export async function findTokenCredential(
  db: Db,
  digest: string,
): Promise<CredentialRow | undefined> {
  return asRow(await db('credentials').where({ kind: 'token', secret_hash: digest }).first());
}

export async function findPasswordCredential(
  db: Db,
  name: string,
): Promise<CredentialRow | undefined> {
  return asRow(await db('credentials').where({ kind: 'password', name }).first());
}

/**
 * Sets `revoked_at` once (§6): revoking a revoked credential keeps the original time. With a tenant,
 * an id of another tenant is answered like an unknown id (management API confinement).
 */
export async function revokeCredential(
  db: Db,
  id: string,
  now: number,
  tenant?: string,
): Promise<CredentialRow | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  const q = db<CredentialRow>('credentials')
    .where({ id })
    .update({ revoked_at: db.raw('COALESCE(revoked_at, ?)', [toDate(now)]) } as never)
    .returning('*');
  if (tenant !== undefined) void q.where({ tenant });
  const rows: unknown[] = await q;
  return asRow(rows[0]);
}

export async function touchLastUsed(db: Db, id: string, now: number): Promise<void> {
  await db('credentials')
    .where({ id })
    .update({ last_used_at: toDate(now) });
}
