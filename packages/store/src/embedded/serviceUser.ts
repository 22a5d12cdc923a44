/** Running PostgreSQL as an unprivileged user when the gateway runs as root (ADR 0004). */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, parse as parsePath } from 'node:path';
import { EmbeddedPostgresError } from './EmbeddedPostgresError';

/** The user the server runs as when we are root. */
const SERVICE_USER = 'audit-gateway';

export interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

/** PostgreSQL will not run as root: find or create an unprivileged service user. */
export function serviceUser(log: (m: string) => void): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = (name: string): RunAs | undefined => {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (r.status !== 0 || g.status !== 0) return undefined;
    return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  };
  const existing = lookup(SERVICE_USER);
  if (existing) return existing;
  const made = spawnSync(
    'useradd',
    [
      '--system',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      SERVICE_USER,
    ],
    { encoding: 'utf8' },
  );
  if (made.status === 0) {
    log(`running as root: created system user "${SERVICE_USER}" to run the embedded PostgreSQL`);
    const created = lookup(SERVICE_USER);
    if (created) return created;
  }
  const nobody = lookup('nobody');
  if (nobody) {
    log(
      `running as root: could not create user "${SERVICE_USER}"; the embedded PostgreSQL runs as "nobody"`,
    );
    return nobody;
  }
  throw new EmbeddedPostgresError(
    'running as root, and no unprivileged user could be found or created for the embedded PostgreSQL; ' +
      'run the gateway as a normal user or set DATABASE_URL',
  );
}

/** The service user must be able to reach the binaries and the data directory: add o+x where missing. */
export function ensureTraversable(path: string, log: (m: string) => void): void {
  const { root } = parsePath(path);
  for (let dir = dirname(path); dir !== root; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(
        `running as root: allowed traversal (o+x) of ${dir} so the embedded PostgreSQL can reach its files`,
      );
    }
  }
}

export function chownRecursive(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  const st = statSync(path);
  if (!st.isDirectory()) return;
  for (const name of readdirSync(path)) chownRecursive(join(path, name), uid, gid);
}
