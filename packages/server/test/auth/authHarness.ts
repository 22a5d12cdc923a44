import { AuditError } from '@audit-gateway/ir';
import type { Db } from '@audit-gateway/store';
import pino from 'pino';
import type { AuthInput, AuthOutcome, AuthScheme, Surface } from '../../src/app/types';
import { testConfig } from '../../src/config/loadConfig';
import { createAuthenticator, type GatewayAuthenticator } from '../../src/auth/createAuthenticator';

/** An authenticator over a real test database with a clock the test moves. */
export function authHarness(db: Db, options: { rateLimit?: number } = {}) {
  let now = 1_714_557_600_000;
  const failures: Surface[] = [];
  const auth: GatewayAuthenticator = createAuthenticator({
    db,
    config: testConfig({ rateLimitPerMinute: options.rateLimit ?? 600 }),
    clock: () => now,
    log: pino({ level: 'silent' }),
    onFailure: (s) => failures.push(s),
  });
  return {
    auth,
    failures,
    advance(ms: number) {
      now += ms;
    },
  };
}

export const ATLAS: Pick<AuthInput, 'schemes' | 'surface'> = {
  schemes: ['basic', 'bearer'],
  surface: 'atlas',
};
export const ATLAN: Pick<AuthInput, 'schemes' | 'surface'> = {
  schemes: ['bearer'],
  surface: 'atlan',
};
export const ATOMIC: Pick<AuthInput, 'schemes' | 'surface'> = {
  schemes: ['bearer'],
  surface: 'atomic',
};

export function input(
  route: { schemes: readonly AuthScheme[]; surface: Surface },
  authorization: string | undefined,
  ip = '10.0.0.1',
): AuthInput {
  return { ...route, authorization, ip, rateLimited: true };
}

export type Attempt = { ok: true; outcome: AuthOutcome } | { ok: false; error: AuditError };

export async function attempt(auth: GatewayAuthenticator, i: AuthInput): Promise<Attempt> {
  try {
    return { ok: true, outcome: await auth.authenticate(i) };
  } catch (e) {
    if (!AuditError.is(e)) throw e;
    return { ok: false, error: e };
  }
}

export function basic(name: string, password: string): string {
  return `Basic ${Buffer.from(`${name}:${password}`, 'utf8').toString('base64')}`;
}
