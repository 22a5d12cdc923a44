/**
 * The first credential (spec/credentials.md §4). Runs at every `serve` start, after migrations and
 * before listening. Check and insert share one transaction behind an advisory lock, so replicas
 * starting together create exactly one credential.
 */
import type { Db } from '@audit-gateway/store';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../config/Config';
import { ConfigError } from '../config/loadConfig';
import { createCredential } from './createCredential';
import { B64TOKEN, tokenDigest } from './secrets';
import type { CredentialSpec } from './types';

export interface BootstrapDeps {
  readonly db: Db;
  readonly config: Config;
  readonly log: Logger;
  /** where the generated token's one line goes; default: stderr, directly, never the logger */
  readonly out?: (line: string) => void;
  /** epoch ms; default Date.now */
  readonly clock?: () => number;
}

// any fixed 64-bit number; only bootstrap takes this lock ("agw boot" in ASCII)
const BOOTSTRAP_LOCK = '7018709525254336372';
const SETTING = 'AUDIT_GATEWAY_BOOTSTRAP_TOKEN';

export async function bootstrapCredentials(deps: BootstrapDeps): Promise<void> {
  const { db, config, log } = deps;
  const given = config.bootstrapToken;
  if (given !== undefined && (given.length < 32 || given.length > 512 || !B64TOKEN.test(given))) {
    throw new ConfigError(`${SETTING} must be 32 to 512 characters of RFC 6750 b64token`);
  }
  const now = (deps.clock ?? Date.now)();
  const created = await db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?::bigint)', [BOOTSTRAP_LOCK]);
    const active: unknown = await trx('credentials')
      .whereNull('revoked_at')
      .whereRaw('? = ANY(roles)', ['gateway:admin'])
      .first('id');
    if (active) return undefined;
    if (given !== undefined) await refuseRevokedToken(trx, given);
    const spec: CredentialSpec = {
      tenant: 'default',
      name: await freeName(trx),
      kind: 'token',
      roles: ['gateway:admin'],
      environments: ['demo', '_gateway'],
      policy: {},
    };
    const result = await createCredential(trx, spec, {
      now,
      ...(given !== undefined ? { secret: given } : {}),
    });
    await trx.raw(
      `INSERT INTO store_meta (key, value, updated_at) VALUES ('bootstrap', ?::jsonb, ?)
       ON CONFLICT (key) DO UPDATE SET
         value = jsonb_build_object(
           'count', COALESCE((store_meta.value->>'count')::int, 0) + 1,
           'credentialId', EXCLUDED.value->'credentialId',
           'createdAt', EXCLUDED.value->'createdAt'),
         updated_at = EXCLUDED.updated_at`,
      [
        JSON.stringify({
          count: 1,
          credentialId: result.row.id,
          createdAt: new Date(now).toISOString(),
        }),
        new Date(now),
      ],
    );
    return result;
  });
  if (!created) return;
  log.info(
    { credentialId: created.row.id, tenant: created.row.tenant },
    'bootstrap credential created',
  );
  if (created.generated) {
    const out = deps.out ?? ((line: string) => process.stderr.write(`${line}\n`));
    out(
      `audit-gateway: created bootstrap credential ${created.row.id} (tenant "default", role gateway:admin); token, shown once: ${created.secret}`,
    );
  }
}

async function refuseRevokedToken(trx: Knex.Transaction, token: string): Promise<void> {
  const found: unknown = await trx('credentials')
    .where({ kind: 'token', secret_hash: tokenDigest(token) })
    .first('revoked_at');
  const row = found as { revoked_at: Date | null } | undefined;
  if (row?.revoked_at) {
    throw new ConfigError(
      `${SETTING} is the token of a revoked credential; a revoked token never works again`,
    );
  }
  if (row) throw new ConfigError(`${SETTING} is already the token of another credential`);
}

/** `bootstrap`, `bootstrap-2`, `bootstrap-3`, …: the first name not taken in tenant default. */
async function freeName(trx: Knex.Transaction): Promise<string> {
  const found: unknown[] = await trx('credentials')
    .where({ tenant: 'default' })
    .andWhere((q) => void q.where({ name: 'bootstrap' }).orWhere('name', 'like', 'bootstrap-%'))
    .select('name');
  const taken = new Set((found as { name: string }[]).map((r) => r.name));
  if (!taken.has('bootstrap')) return 'bootstrap';
  for (let n = 2; ; n++) if (!taken.has(`bootstrap-${n}`)) return `bootstrap-${n}`;
}
