/**
 * Bearer tokens (spec/credentials.md §5.2) through passport-http-bearer: the token's SHA-256 is
 * looked up among token credentials and compared in constant time. Never cached, so a revocation
 * counts on the next request.
 */
import type { Db } from '@audit-gateway/store';
import type { Strategy } from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { findTokenCredential } from '../credentials/credentialStore';
import { digestsEqual, tokenDigest } from '../credentials/secrets';
import type { CredentialRow } from '../credentials/types';
import { REALM } from './challenges';

export function createBearerStrategy(db: Db): Strategy {
  return new BearerStrategy(
    { realm: REALM },
    (token: string, done: (err: unknown, user?: CredentialRow | false) => void) => {
      const digest = tokenDigest(token);
      findTokenCredential(db, digest).then(
        (row) => {
          const ok =
            row !== undefined && digestsEqual(row.secret_hash, digest) && row.revoked_at === null;
          done(null, ok ? row : false);
        },
        (err: unknown) => done(err),
      );
    },
  );
}
