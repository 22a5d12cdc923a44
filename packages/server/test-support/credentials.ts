/**
 * Real credentials for HTTP tests: rows in the test database, made by the same code as the CLI,
 * with the `Authorization` header value that authenticates as them.
 */
import type { Policy, Role } from '@audit-gateway/ir';
import type { Db } from '@audit-gateway/store';
import { createCredential } from '../src/credentials/createCredential';

export interface TestCredentialOptions {
  readonly tenant: string;
  readonly name: string;
  readonly kind?: 'token' | 'password';
  readonly roles: readonly Role[];
  readonly environments?: readonly string[];
  readonly policy?: Policy;
  /** default: generated like the CLI does */
  readonly secret?: string;
}

export interface TestCredential {
  readonly id: string;
  readonly secret: string;
  /** the full header value: "Bearer …" or "Basic …" */
  readonly authorization: string;
}

export async function createTestCredential(
  db: Db,
  options: TestCredentialOptions,
): Promise<TestCredential> {
  const kind = options.kind ?? 'token';
  const { row, secret } = await createCredential(
    db,
    {
      tenant: options.tenant,
      name: options.name,
      kind,
      roles: options.roles,
      environments: options.environments ?? [],
      policy: options.policy ?? {},
    },
    { now: Date.now(), ...(options.secret !== undefined ? { secret: options.secret } : {}) },
  );
  const authorization =
    kind === 'token'
      ? `Bearer ${secret}`
      : `Basic ${Buffer.from(`${options.name}:${secret}`, 'utf8').toString('base64')}`;
  return { id: row.id, secret, authorization };
}
