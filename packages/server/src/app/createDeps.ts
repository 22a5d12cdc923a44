/**
 * The composition root (STYLE §3.14): the one place where the real implementations of the ports
 * are built from the configuration and the database.
 */
import type { Logger } from 'pino';
import { createAuditRepository, type Db } from '@audit-gateway/store';
import { createAuthenticator } from '../auth/createAuthenticator';
import type { Config } from '../config/Config';
import { createRecorder, type SelfRecorder } from '../recorder/createRecorder';
import { createAuditSearch } from '../search/createAuditSearch';
import type { AppDeps } from './types';

export interface DepsOverrides {
  readonly clock?: () => number;
  /** failed authentications, for /metrics */
  readonly onAuthFailure?: (surface: string) => void;
}

/** The recorder is the real one, whose counters /metrics reads. */
export type GatewayDeps = AppDeps & { readonly recorder: SelfRecorder };

export function createDeps(
  config: Config,
  db: Db,
  log: Logger,
  overrides: DepsOverrides = {},
): GatewayDeps {
  const clock = overrides.clock ?? Date.now;
  const repository = createAuditRepository(db);
  return {
    config,
    db,
    log,
    clock,
    search: createAuditSearch({ run: (q) => repository.run(q) }),
    authenticator: createAuthenticator({
      db,
      config,
      clock,
      log,
      ...(overrides.onAuthFailure ? { onFailure: overrides.onAuthFailure } : {}),
    }),
    recorder: createRecorder({ db, log, clock, config }),
  };
}
