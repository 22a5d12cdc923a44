/**
 * The composition of the HTTP server (STYLE §3.14): helmet, the request id and per-request state,
 * the recorder/metrics/log hook on completion, the route-table pipeline and the one error
 * middleware. No global body parser: each route reads its body its own way, after authentication.
 */
import { randomBytes } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { errorHandler } from '../http/errorHandler';
import { runPipeline } from '../http/pipeline';
import { initRequestState, requestState } from '../http/requestState';
import { compileRoutes } from '../http/routeMatcher';
import type { Metrics } from '../observability/metrics';
import type { AppDeps, Route } from './types';

export interface AppOptions {
  readonly routes: readonly Route[];
  readonly metrics: Metrics;
  /** called as each request starts and ends; graceful shutdown waits for in-flight requests */
  readonly inFlight?: { start(): void; end(): void };
}

export function newRequestId(): string {
  return randomBytes(8).toString('hex');
}

function splitUrl(url: string): { path: string; query: [string, string][] } {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? [] : [...new URLSearchParams(url.slice(q + 1))];
  return { path, query };
}

export function createApp(deps: AppDeps, options: AppOptions): Express {
  const compiled = compileRoutes(options.routes);
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use((req, res, next) => {
    const requestId = newRequestId();
    const { path, query } = splitUrl(req.originalUrl);
    initRequestState(res, { requestId, startedAt: process.hrtime.bigint(), path, query });
    res.set('X-Request-Id', requestId);
    options.inFlight?.start();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      options.inFlight?.end();
      const state = requestState(res);
      const seconds = Number(process.hrtime.bigint() - state.startedAt) / 1e9;
      const route = state.route;
      options.metrics.observe(route?.paths[0] ?? 'unmatched', req.method, res.statusCode, seconds);
      deps.log.info(
        {
          requestId,
          method: req.method,
          path: state.path,
          route: route?.paths[0],
          status: res.statusCode,
          ms: Math.round(seconds * 1e4) / 10,
          credential: state.principal?.name,
        },
        'request',
      );
      if (route?.record === false) return;
      deps.recorder.record({
        requestId,
        method: req.method,
        path: state.path,
        query: state.query,
        status: res.statusCode,
        durationMs: seconds * 1000,
        ip: req.ip ?? '',
        userAgent: req.headers['user-agent'],
        contentType: req.headers['content-type'],
        principal: state.principal,
        record: route?.record || undefined,
        body: state.body,
        bodyNote: state.body ? undefined : route ? 'not read' : 'not read: no such route',
        environmentParam: state.params?.environmentId,
        completedAt: deps.clock(),
        headersSent: res.headersSent,
      });
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  });
  app.use((req, res, next) => {
    runPipeline(compiled, deps, req, res).catch(next);
  });
  app.use(errorHandler(deps.log));
  return app;
}
