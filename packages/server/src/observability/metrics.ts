/** Prometheus metrics (prom-client), one registry per app so tests can build many apps. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  observe(route: string, method: string, status: number, seconds: number): void;
  /** a failed authentication, labelled by surface only (never by name or IP) */
  authFailure(surface: string): void;
}

/** Values read when /metrics is scraped. */
export interface MetricSources {
  /** age of the oldest open transaction that holds back the Atomic tail (spec atomic §8.4) */
  readonly tailHorizonAgeSeconds?: () => Promise<number>;
  /** request records dropped because the recorder's buffer was full (spec atomic §9.7) */
  readonly selfRecordsDropped?: () => number;
}

export function createMetrics(
  options: { defaultMetrics?: boolean; sources?: MetricSources } = {},
): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'audit_gateway_http_requests_total',
    help: 'HTTP requests by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'audit_gateway_http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const authFailures = new Counter({
    name: 'audit_gateway_auth_failures_total',
    help: 'Failed authentications by surface',
    labelNames: ['surface'] as const,
    registers: [registry],
  });
  const sources = options.sources ?? {};
  const horizon = sources.tailHorizonAgeSeconds;
  if (horizon) {
    new Gauge({
      name: 'audit_gateway_tail_horizon_age_seconds',
      help: 'Age of the oldest open transaction that holds back the Atomic tail',
      registers: [registry],
      async collect() {
        this.set(await horizon());
      },
    });
  }
  const dropped = sources.selfRecordsDropped;
  if (dropped) {
    new Counter({
      name: 'audit_gateway_self_records_dropped_total',
      help: "Request records dropped because the recorder's buffer was full",
      registers: [registry],
      collect() {
        // the recorder keeps the running total; mirror it
        this.reset();
        this.inc(dropped());
      },
    });
  }
  return {
    registry,
    observe(route, method, status, seconds) {
      const labels = { route, method, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    authFailure(surface) {
      authFailures.inc({ surface });
    },
  };
}
