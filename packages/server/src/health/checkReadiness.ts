/**
 * Readiness (DESIGN §4.1): the database answers and every migration is applied. Bounded by a short
 * timeout so a dead database gives a prompt 503 instead of a hung probe; a later probe recovers
 * without a restart because nothing is cached until the answer is "ready".
 */
import { pendingMigrations, type Db } from '@audit-gateway/store';

export interface Readiness {
  readonly ready: boolean;
  readonly reason?: string;
}

const PROBE_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        ok(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        fail(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export function createReadinessCheck(db: Db): () => Promise<Readiness> {
  let migrated = false;
  return async () => {
    try {
      await withTimeout(db.raw('SELECT 1'), PROBE_TIMEOUT_MS);
      if (!migrated) {
        const pending = await withTimeout(pendingMigrations(db), PROBE_TIMEOUT_MS);
        if (pending.length > 0)
          return { ready: false, reason: `${pending.length} migration(s) not applied` };
        migrated = true;
      }
      return { ready: true };
    } catch (e) {
      return { ready: false, reason: `database unreachable: ${(e as Error).message}` };
    }
  };
}
