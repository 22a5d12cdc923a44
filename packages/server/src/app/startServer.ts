/**
 * `audit-gateway serve`: open (and migrate) the database, bootstrap the first admin credential,
 * compose the app, listen, and shut down in order on SIGINT/SIGTERM: stop accepting, let in-flight
 * requests finish (AUDIT_GATEWAY_SHUTDOWN_GRACE_MS), flush the recorder, close the database, stop
 * the embedded PostgreSQL.
 */
import type { Logger } from 'pino';
import { currentGeneration, tailHorizonAgeSeconds } from '@audit-gateway/store';
import { bootstrapCredentials } from '../credentials/bootstrap';
import type { Config } from '../config/Config';
import { createReadinessCheck } from '../health/checkReadiness';
import { createLogger } from '../observability/createLogger';
import { createMetrics } from '../observability/metrics';
import { buildRoutes } from '../routes/buildRoutes';
import { createApp } from './createApp';
import { createDeps } from './createDeps';
import { createInFlight, listen } from './httpServer';
import { openDatabase } from './openDatabase';

export const VERSION = '0.1.0';

export interface StartedServer {
  readonly port: number;
  readonly log: Logger;
  /** idempotent */
  stop(reason?: string): Promise<void>;
}

export interface StartOptions {
  /** standard output lines for humans (the bootstrap token is shown there, never logged) */
  readonly out?: (line: string) => void;
  readonly log?: Logger;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<StartedServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const started = Date.now();
  const opened = await openDatabase(config, { log: (m) => log.info(m) });
  try {
    log.info({ database: opened.description }, 'database ready');
    // AUDIT_GATEWAY_GENERATION (restore runbook) takes effect before anything is written
    const generation = await currentGeneration(opened.db, config.generation);
    log.info({ generation }, 'store generation');
    await bootstrapCredentials({
      db: opened.db,
      config,
      log,
      ...(options.out ? { out: options.out } : {}),
    });
    // metrics read the recorder and the authenticator reports to metrics: build metrics first
    let recorderDropped = () => 0;
    const metrics = createMetrics({
      sources: {
        tailHorizonAgeSeconds: () => tailHorizonAgeSeconds(opened.db),
        selfRecordsDropped: () => recorderDropped(),
      },
    });
    const deps = createDeps(config, opened.db, log, {
      onAuthFailure: (s) => metrics.authFailure(s),
    });
    recorderDropped = () => deps.recorder.dropped();
    const routes = buildRoutes(deps, {
      metrics,
      readiness: createReadinessCheck(opened.db),
      version: VERSION,
    });
    const inFlight = createInFlight();
    const app = createApp(deps, { routes, metrics, inFlight });
    const running = await listen(app, config.port, inFlight).catch((e: NodeJS.ErrnoException) => {
      throw new Error(
        e.code === 'EADDRINUSE'
          ? `port ${config.port} is already in use; set PORT to a free port`
          : e.message,
      );
    });
    log.info(
      { port: running.port, startupMs: Date.now() - started },
      `listening on http://localhost:${running.port}`,
    );
    let stopping: Promise<void> | undefined;
    return {
      port: running.port,
      log,
      stop(reason = 'stop requested') {
        stopping ??= (async () => {
          log.info({ reason }, 'shutting down');
          const { unfinished } = await running.close(config.shutdownGraceMs);
          if (unfinished > 0)
            log.warn(
              { unfinished },
              'requests still running at the end of the grace period were cut',
            );
          await deps.recorder.close();
          await opened.close();
          log.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (e) {
    await opened.close();
    throw e;
  }
}
