/**
 * `audit-gateway credentials create|list|revoke` (spec/credentials.md §2). stdout carries only
 * compact JSON, one object a line; stderr one message a line, `audit-gateway: <flag or JSON
 * Pointer>: <reason>`, never a secret. The exit code says what happened (§2.1).
 */
import type { Db } from '@audit-gateway/store';
import { createCredential } from '../createCredential';
import {
  findCredentialById,
  listCredentials,
  NameTakenError,
  revokeCredential,
} from '../credentialStore';
import { toView, type CredentialSpec } from '../types';
import {
  checkEnvironments,
  checkName,
  checkPolicy,
  checkRoles,
  checkTenant,
  sortProblems,
  type Problem,
} from '../validateCredential';
import { parseFlags, type FlagKind } from './parseFlags';

export const EXIT = { ok: 0, cannotRun: 1, usage: 2, conflict: 3, notFound: 4 } as const;

export interface CredentialsCliDeps {
  /** opens the configured database (migrated); only called once the arguments are valid */
  openDb(): Promise<{ db: Db; close(): Promise<void> }>;
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  now(): number;
}

type Sub = (args: readonly string[], deps: CredentialsCliDeps) => Promise<number>;

const SUBCOMMANDS = new Map<string, Sub>([
  ['create', runCreate],
  ['list', runList],
  ['revoke', runRevoke],
]);

export async function runCredentialsCli(
  argv: readonly string[],
  deps: CredentialsCliDeps,
): Promise<number> {
  const [name, ...rest] = argv;
  const sub = name === undefined ? undefined : SUBCOMMANDS.get(name);
  if (!sub) {
    deps.err(`audit-gateway: credentials: use one of ${[...SUBCOMMANDS.keys()].join(', ')}`);
    return EXIT.usage;
  }
  return sub(rest, deps);
}

const CREATE_FLAGS = new Map<string, FlagKind>([
  ['--tenant', 'value'],
  ['--name', 'value'],
  ['--roles', 'value'],
  ['--environments', 'value'],
  ['--policy', 'value'],
  ['--password', 'switch'],
  ['--password-stdin', 'switch'],
]);

/** where a body pointer's problem is reported on the command line */
function flagOf(pointer: string): string {
  const top = pointer.split('/')[1] ?? '';
  if (top === 'policy') return pointer.slice('/policy'.length) || '--policy';
  return `--${top}`;
}

async function runCreate(args: readonly string[], deps: CredentialsCliDeps): Promise<number> {
  const { flags, problems } = parseFlags(args, CREATE_FLAGS, 0);
  const messages = [...problems];
  for (const required of ['--tenant', '--name', '--roles']) {
    if (!flags.has(required) && !messages.some((m) => m.startsWith(`${required}:`)))
      messages.push(`${required}: is required`);
  }
  const generated = flags.has('--password');
  const fromStdin = flags.has('--password-stdin');
  if (generated && fromStdin) messages.push('--password-stdin: cannot be combined with --password');

  const found: Problem[] = [];
  const text = (flag: string) => {
    const v = flags.get(flag);
    return typeof v === 'string' ? v : undefined;
  };
  const tenant = text('--tenant');
  const name = text('--name');
  const rolesText = text('--roles');
  if (tenant !== undefined) checkTenant(tenant, '/tenant', found, true);
  if (name !== undefined) checkName(name, '/name', found);
  const roles = rolesText === undefined ? [] : checkRoles(rolesText.split(','), '/roles', found);
  const envText = text('--environments');
  const environments = envText ? checkEnvironments(envText.split(','), '/environments', found) : [];
  let policy = {};
  const policyText = text('--policy');
  if (policyText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(policyText);
      policy = checkPolicy(parsed, '/policy', found);
    } catch {
      messages.push('--policy: is not valid JSON');
    }
  }
  for (const p of sortProblems(found)) {
    const item = /^\/(roles|environments)\/([0-9]+)$/.exec(p.pointer);
    messages.push(`${flagOf(p.pointer)}: ${item ? `item ${Number(item[2]) + 1} ` : ''}${p.reason}`);
  }

  let password: string | undefined;
  if (fromStdin && messages.length === 0) {
    password = stripOneNewline(await deps.readStdin());
    const problem = passwordProblem(password);
    if (problem) messages.push(`--password-stdin: ${problem}`);
  }
  if (messages.length > 0) {
    for (const m of messages) deps.err(`audit-gateway: ${m}`);
    return EXIT.usage;
  }

  const spec: CredentialSpec = {
    tenant: tenant as string,
    name: name as string,
    kind: generated || fromStdin ? 'password' : 'token',
    roles,
    environments,
    policy,
  };
  return withDb(deps, async (db) => {
    try {
      const created = await createCredential(db, spec, {
        now: deps.now(),
        ...(password !== undefined ? { secret: password } : {}),
      });
      const view = toView(created.row);
      const secretKey = spec.kind === 'token' ? 'token' : 'password';
      // a password read from stdin is never echoed
      deps.out(JSON.stringify(created.generated ? { ...view, [secretKey]: created.secret } : view));
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof NameTakenError)) throw e;
      deps.err(`audit-gateway: --name: ${JSON.stringify(spec.name)} is already taken`);
      return EXIT.conflict;
    }
  });
}

async function runList(args: readonly string[], deps: CredentialsCliDeps): Promise<number> {
  const { flags, problems } = parseFlags(args, new Map([['--tenant', 'value']]), 0);
  const messages = [...problems];
  const tenant = flags.get('--tenant');
  if (typeof tenant === 'string') {
    const found: Problem[] = [];
    checkTenant(tenant, '/tenant', found, true);
    for (const p of found) messages.push(`--tenant: ${p.reason}`);
  }
  if (messages.length > 0) {
    for (const m of messages) deps.err(`audit-gateway: ${m}`);
    return EXIT.usage;
  }
  return withDb(deps, async (db) => {
    const rows = await listCredentials(db, typeof tenant === 'string' ? tenant : undefined);
    for (const row of rows) deps.out(JSON.stringify(toView(row)));
    return EXIT.ok;
  });
}

async function runRevoke(args: readonly string[], deps: CredentialsCliDeps): Promise<number> {
  const { operands, problems } = parseFlags(args, new Map(), 1);
  const messages = [...problems];
  if (operands.length === 0) messages.push('ID: is required');
  if (messages.length > 0) {
    for (const m of messages) deps.err(`audit-gateway: ${m}`);
    return EXIT.usage;
  }
  const id = operands[0] as string;
  return withDb(deps, async (db) => {
    // revoking a revoked credential keeps its first revokedAt and still succeeds
    const row = (await revokeCredential(db, id, deps.now())) ?? (await findCredentialById(db, id));
    if (!row) {
      deps.err('audit-gateway: ID: no credential has that id');
      return EXIT.notFound;
    }
    deps.out(JSON.stringify(toView(row)));
    return EXIT.ok;
  });
}

async function withDb(deps: CredentialsCliDeps, run: (db: Db) => Promise<number>): Promise<number> {
  let opened: { db: Db; close(): Promise<void> };
  try {
    opened = await deps.openDb();
  } catch (e) {
    deps.err(`audit-gateway: database: ${(e as Error).message}`);
    return EXIT.cannotRun;
  }
  try {
    return await run(opened.db);
  } finally {
    await opened.close();
  }
}

function stripOneNewline(s: string): string {
  if (s.endsWith('\r\n')) return s.slice(0, -2);
  if (s.endsWith('\n')) return s.slice(0, -1);
  return s;
}

// the reason never quotes the password
function passwordProblem(p: string): string | undefined {
  const length = [...p].length;
  if (length < 12 || length > 1024)
    return `the password must be 12 to 1,024 characters (got ${length})`;
  if (/\p{Cc}/u.test(p)) return 'the password must not contain control characters';
  if (p.includes('\uFFFD')) return 'the password must be valid UTF-8';
  return undefined;
}
