/** The credential as stored and as shown (spec/credentials.md §1). */
import type { Policy, Role } from '@audit-gateway/ir';

export type CredentialKind = 'token' | 'password';

/** A row of the `credentials` table as knex returns it. */
export interface CredentialRow {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly kind: CredentialKind;
  readonly secret_hash: string;
  readonly roles: readonly Role[];
  readonly environments: readonly string[];
  readonly policy: Policy;
  readonly created_at: Date;
  readonly revoked_at: Date | null;
  readonly last_used_at: Date | null;
}

/** The ten keys every command and route shows (§1.6); never the secret or its hash. */
export interface CredentialView {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly kind: CredentialKind;
  readonly roles: readonly Role[];
  readonly environments: readonly string[];
  readonly policy: Policy;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** What creation needs once the input was validated. */
export interface CredentialSpec {
  readonly tenant: string;
  readonly name: string;
  readonly kind: CredentialKind;
  readonly roles: readonly Role[];
  readonly environments: readonly string[];
  readonly policy: Policy;
}

export function toView(row: CredentialRow): CredentialView {
  return {
    id: row.id,
    tenant: row.tenant,
    name: row.name,
    kind: row.kind,
    roles: row.roles,
    environments: row.environments,
    policy: row.policy,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
  };
}
