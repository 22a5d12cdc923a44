/**
 * Basic verification (spec/credentials.md §5.3, steps 3–5): the name finds at most one password
 * credential in any tenant. A cached pair skips scrypt; otherwise scrypt runs, against a dummy hash
 * when the name is unknown, so unknown names cost the same time as known ones.
 */
import type { Db } from '@audit-gateway/store';
import { findPasswordCredential } from '../credentials/credentialStore';
import { dummyPasswordHash, verifyPassword } from '../credentials/secrets';
import type { CredentialRow } from '../credentials/types';
import type { BasicVerificationCache } from './basicVerificationCache';

export async function verifyBasic(
  db: Db,
  cache: BasicVerificationCache,
  name: string,
  password: string,
): Promise<CredentialRow | undefined> {
  // read on every request: the cache can never extend a revoked credential's life
  const row = await findPasswordCredential(db, name);
  let verified: boolean;
  if (row && cache.holds(name, password, row.id)) verified = true;
  else {
    verified = await verifyPassword(password, row?.secret_hash ?? (await dummyPasswordHash()));
    if (verified && row) cache.add(name, password, row.id);
  }
  return verified && row && row.revoked_at === null ? row : undefined;
}
