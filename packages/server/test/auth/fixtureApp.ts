/**
 * The whole gateway over a test database with a logger whose lines the test can read, and the real
 * recorder: what spec/credentials.md fixture C needs to check that no secret is logged or stored.
 */
import { Writable } from 'node:stream';
import type { Express } from 'express';
import pino from 'pino';
import { createAuditRepository, type Db } from '@audit-gateway/store';
import { createApp } from '../../src/app/createApp';
import type { AppDeps } from '../../src/app/types';
import { createAuthenticator } from '../../src/auth/createAuthenticator';
import type { Config } from '../../src/config/Config';
import { testConfig } from '../../src/config/loadConfig';
import { createReadinessCheck } from '../../src/health/checkReadiness';
import { createMetrics } from '../../src/observability/metrics';
import { createRecorder } from '../../src/recorder/createRecorder';
import { buildRoutes } from '../../src/routes/buildRoutes';
import { createAuditSearch } from '../../src/search/createAuditSearch';

export interface FixtureApp {
  readonly app: Express;
  readonly deps: AppDeps;
  /** every log line written so far */
  readonly logLines: string[];
}

export function createFixtureApp(db: Db, config: Partial<Config> = {}): FixtureApp {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const full = testConfig({ rateLimitPerMinute: 600, ...config });
  const clock = Date.now;
  const repository = createAuditRepository(db);
  const deps: AppDeps = {
    config: full,
    db,
    log,
    clock,
    search: createAuditSearch({ run: (q) => repository.run(q) }),
    authenticator: createAuthenticator({ db, config: full, clock, log }),
    recorder: createRecorder({ db, log, clock, config: full }),
  };
  const metrics = createMetrics({ defaultMetrics: false });
  const routes = buildRoutes(deps, {
    metrics,
    readiness: createReadinessCheck(db),
    version: 'test',
  });
  return { app: createApp(deps, { routes, metrics }), deps, logLines };
}
