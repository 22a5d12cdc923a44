/**
 * Creates one credential with its secret (spec/credentials.md §1.5): a token is generated unless
 * one is given (bootstrap), a password is generated unless one is given (`--password-stdin`).
 * The secret is returned once, to be shown once; only its hash is stored.
 */
import type { Db } from '@audit-gateway/store';
import type { Knex } from 'knex';
import { insertCredential } from './credentialStore';
import { generatePassword, generateToken, hashPassword, tokenDigest } from './secrets';
import type { CredentialRow, CredentialSpec } from './types';

export interface CreatedCredential {
  readonly row: CredentialRow;
  readonly secret: string;
  /** false when the caller supplied the secret (it must not be echoed back) */
  readonly generated: boolean;
}

export async function createCredential(
  db: Db | Knex.Transaction,
  spec: CredentialSpec,
  options: { now: number; secret?: string },
): Promise<CreatedCredential> {
  const generated = options.secret === undefined;
  const secret = options.secret ?? (spec.kind === 'token' ? generateToken() : generatePassword());
  const hash = spec.kind === 'token' ? tokenDigest(secret) : await hashPassword(secret);
  const row = await insertCredential(db, spec, hash, options.now);
  return { row, secret, generated };
}
