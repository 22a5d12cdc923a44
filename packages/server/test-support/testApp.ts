/**
 * The whole gateway over a test database, for supertest: the real route table, search
 * (checkFields → scope → compiler), authenticator and error shapes. Rate limiting is off unless
 * the test asks for it; the recorder is an in-memory one unless the test passes the real one.
 *
 *   const db = useTestDatabase();
 *   const { app } = createTestApp(db(), { clock: () => NOW });
 *   const { authorization } = await createTestCredential(db(), { tenant: 'acme', name: 'a', roles: ['atlan:read'] });
 *   await request(app).post('/api/meta/entity/auditSearch').set('Authorization', authorization)…
 */
import type { Express } from 'express';
import pino from 'pino';
import { createAuditRepository, type Db } from '@audit-gateway/store';
import { createApp } from '../src/app/createApp';
import type { AppDeps, Authenticator, Recorder } from '../src/app/types';
import { createAuthenticator } from '../src/auth/createAuthenticator';
import type { Config } from '../src/config/Config';
import { testConfig } from '../src/config/loadConfig';
import { createReadinessCheck } from '../src/health/checkReadiness';
import { createMetrics } from '../src/observability/metrics';
import { buildRoutes } from '../src/routes/buildRoutes';
import { createAuditSearch } from '../src/search/createAuditSearch';
import { MemoryRecorder } from './fakes';

export interface TestAppOptions {
  readonly clock?: () => number;
  readonly config?: Partial<Config>;
  readonly recorder?: Recorder;
  readonly authenticator?: Authenticator;
}

export interface TestApp {
  readonly app: Express;
  readonly deps: AppDeps;
  /** the in-memory recorder, unless one was passed */
  readonly recorded: MemoryRecorder | undefined;
}

export function createTestApp(db: Db, options: TestAppOptions = {}): TestApp {
  const config = testConfig({ rateLimitPerMinute: 0, ...options.config });
  const clock = options.clock ?? Date.now;
  const log = pino({ level: 'silent' });
  const repository = createAuditRepository(db);
  const memory = options.recorder ? undefined : new MemoryRecorder();
  const deps: AppDeps = {
    config,
    db,
    log,
    clock,
    search: createAuditSearch({ run: (q) => repository.run(q) }),
    authenticator: options.authenticator ?? createAuthenticator({ db, config, clock, log }),
    recorder: options.recorder ?? (memory as MemoryRecorder),
  };
  const metrics = createMetrics({ defaultMetrics: false });
  const routes = buildRoutes(deps, {
    metrics,
    readiness: createReadinessCheck(db),
    version: 'test',
  });
  return { app: createApp(deps, { routes, metrics }), deps, recorded: memory };
}
