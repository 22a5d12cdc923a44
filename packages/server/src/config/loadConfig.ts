/**
 * The only reader of process.env (STYLE §3.13). A bad value stops start-up with the variable's
 * name; tests build a Config from a literal instead of changing the environment.
 */
import type { Config } from './Config';

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function envInt(
  env: Env,
  name: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[0-9]+$/.test(raw.trim()))
    throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw.trim());
  if (n < min || n > max)
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function envOptionalInt(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : envInt(env, name, 0, min, max);
}

function envUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const u = new URL(raw);
    if (!['postgres:', 'postgresql:'].includes(u.protocol)) throw new Error('scheme');
  } catch {
    throw new ConfigError(`${name} must be a postgres:// URL`);
  }
  return raw;
}

function envKeyList(env: Env, name: string): Buffer[] | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  return raw.split(',').map((part, i) => {
    const s = part.trim();
    if (!/^[A-Za-z0-9_-]+$/.test(s))
      throw new ConfigError(`${name}: key ${i + 1} is not base64url`);
    const key = Buffer.from(s, 'base64url');
    if (key.length < 32) throw new ConfigError(`${name}: key ${i + 1} is shorter than 32 bytes`);
    return key;
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function envTrustProxy(env: Env): boolean | number | string {
  const raw = env.AUDIT_GATEWAY_TRUST_PROXY;
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  if (!/^[0-9a-fA-F.:/, ]+$|^(loopback|linklocal|uniquelocal)(,|$)/.test(raw)) {
    throw new ConfigError('AUDIT_GATEWAY_TRUST_PROXY must be a hop count or addresses/CIDRs');
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const url = envUrl(env, 'DATABASE_URL');
  const readUrl = envUrl(env, 'DATABASE_READ_URL');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const bootstrapToken = env.AUDIT_GATEWAY_BOOTSTRAP_TOKEN || undefined;
  const cursorKeys = envKeyList(env, 'AUDIT_GATEWAY_CURSOR_KEYS');
  const embeddedPort = envOptionalInt(env, 'AUDIT_GATEWAY_EMBEDDED_PG_PORT', 1, 65535);
  const generation = envOptionalInt(env, 'AUDIT_GATEWAY_GENERATION', 1, 32767);
  return Object.freeze({
    port: envInt(env, 'PORT', 8080, 0, 65535),
    database: url
      ? { kind: 'url', url, ...(readUrl ? { readUrl } : {}) }
      : {
          kind: 'embedded',
          dataDir: env.AUDIT_GATEWAY_DATA_DIR || './data',
          ...(embeddedPort !== undefined ? { port: embeddedPort } : {}),
        },
    logLevel,
    ...(bootstrapToken ? { bootstrapToken } : {}),
    ...(cursorKeys ? { cursorKeys } : {}),
    rateLimitPerMinute: envInt(env, 'AUDIT_GATEWAY_RATE_LIMIT', 600),
    bodyLimitBytes: envInt(env, 'AUDIT_GATEWAY_BODY_LIMIT', 10 * 1024 * 1024, 1),
    trustProxy: envTrustProxy(env),
    shutdownGraceMs: envInt(env, 'AUDIT_GATEWAY_SHUTDOWN_GRACE_MS', 10_000),
    statementTimeoutMs: envInt(env, 'AUDIT_GATEWAY_STATEMENT_TIMEOUT_MS', 30_000),
    ...(generation !== undefined ? { generation } : {}),
  } satisfies Config);
}

/** A Config for tests: defaults, overridden by a literal. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ DATABASE_URL: 'postgres://unused/unused' }), ...overrides };
}
