/** spec/credentials.md §2 and conformance cases 3–7 and 13 (CLI part), against a real database. */
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import {
  runCredentialsCli,
  type CredentialsCliDeps,
} from '../../src/credentials/cli/runCredentialsCli';
import { createProgram } from '../../src/cli/main';
import { testConfig } from '../../src/config/loadConfig';
import { ATLAS, ATLAN, attempt, authHarness, basic, input } from '../auth/authHarness';

const VIEW_KEYS = [
  'id',
  'tenant',
  'name',
  'kind',
  'roles',
  'environments',
  'policy',
  'createdAt',
  'revokedAt',
  'lastUsedAt',
];

describe('audit-gateway credentials', () => {
  const db = useTestDatabase();
  const secrets: string[] = [];

  async function cli(argv: string[], stdin = '') {
    const out: string[] = [];
    const err: string[] = [];
    let opened = 0;
    const deps: CredentialsCliDeps = {
      openDb: () => {
        opened++;
        return Promise.resolve({ db: db(), close: () => Promise.resolve() });
      },
      readStdin: () => Promise.resolve(stdin),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      now: Date.now,
    };
    const code = await runCredentialsCli(argv, deps);
    return {
      code,
      out,
      err,
      opened,
      json: out.map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  }
  const names = async (tenant: string) =>
    (await cli(['list', '--tenant', tenant])).json.map((v) => v.name);

  it('case 3: a token credential', async () => {
    const r = await cli([
      'create',
      '--tenant',
      'acme',
      '--name',
      'reader',
      '--roles',
      'atlan:read',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const v = r.json[0] ?? {};
    expect(Object.keys(v)).toEqual([...VIEW_KEYS, 'token']);
    expect(v).toMatchObject({
      kind: 'token',
      roles: ['atlan:read'],
      environments: [],
      policy: {},
      revokedAt: null,
    });
    expect(v.token).toMatch(/^agw_[A-Za-z0-9_-]{43}$/);
    secrets.push(v.token as string);
    const { auth } = authHarness(db());
    expect((await attempt(auth, input(ATLAN, `Bearer ${v.token as string}`))).ok).toBe(true);
  });

  it('case 4: a password credential, never from argv', async () => {
    const r = await cli([
      'create',
      '--tenant',
      'acme',
      '--name',
      'atlas-admin',
      '--roles',
      'atlas:admin',
      '--password',
    ]);
    expect(r.code).toBe(0);
    const v = r.json[0] ?? {};
    expect(Object.keys(v)).toEqual([...VIEW_KEYS, 'password']);
    expect(v.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    secrets.push(v.password as string);
    const { auth } = authHarness(db());
    expect((await attempt(auth, input(ATLAS, basic('atlas-admin', v.password as string)))).ok).toBe(
      true,
    );
    expect((await attempt(auth, input(ATLAS, basic('atlas-admin', 'wrong')))).ok).toBe(false);

    const argv = await cli([
      'create',
      '--tenant',
      'acme',
      '--name',
      'p2',
      '--roles',
      'atlas:admin',
      '--password',
      'hunter2',
    ]);
    expect(argv.code).toBe(2);
    expect(argv.out).toEqual([]);
    expect(argv.err.join('\n')).not.toContain('hunter2');
    expect(argv.opened).toBe(0);
    expect(await names('acme')).not.toContain('p2');

    const stdin = await cli(
      ['create', '--tenant', 'acme', '--name', 'p2', '--roles', 'atlas:admin', '--password-stdin'],
      'correct horse battery\n',
    );
    expect(stdin.code).toBe(0);
    expect(Object.keys(stdin.json[0] ?? {})).toEqual(VIEW_KEYS);
    expect((await attempt(auth, input(ATLAS, basic('p2', 'correct horse battery')))).ok).toBe(true);
  });

  it('reads --password-stdin up to EOF, removing one CRLF, and checks it without echoing it', async () => {
    const crlf = await cli(
      [
        'create',
        '--tenant',
        'acme',
        '--name',
        'crlf',
        '--roles',
        'atlas:admin',
        '--password-stdin',
      ],
      'twelve chars!\r\n',
    );
    expect(crlf.code).toBe(0);
    const { auth } = authHarness(db());
    expect((await attempt(auth, input(ATLAS, basic('crlf', 'twelve chars!')))).ok).toBe(true);
    for (const bad of ['short\n', 'has\u0007control chars', 'x'.repeat(1025)]) {
      const r = await cli(
        [
          'create',
          '--tenant',
          'acme',
          '--name',
          'bad-pw',
          '--roles',
          'atlas:admin',
          '--password-stdin',
        ],
        bad,
      );
      expect(r.code).toBe(2);
      expect(r.err.join('\n')).not.toContain(bad.trim().slice(0, 12));
    }
    expect(await names('acme')).not.toContain('bad-pw');
  });

  it.each([
    ['--roles', 'atlas:read'],
    ['--roles', ''],
    ['--tenant', 'Acme'],
    ['--tenant', '_acme'],
    ['--environments', 'env-a,_secret'],
    ['--environments', 'env-a,env-a'],
    ['--policy', '{"allow":{"environments":["env-a"]}}'],
    ['--policy', 'not json'],
    ['--name', 'a:b'],
  ])('case 5: %s %j is exit 2 and creates nothing', async (flag, value) => {
    const base = new Map([
      ['--tenant', 'case5'],
      ['--name', 'c5'],
      ['--roles', 'atlan:read'],
    ]);
    base.set(flag, value);
    const r = await cli(['create', ...[...base].flat()]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.length).toBeGreaterThan(0);
    for (const line of r.err) expect(line).toMatch(/^audit-gateway: [^:]+: /);
    expect(r.opened).toBe(0);
  });

  it('case 5: --password --password-stdin is exit 2; so are unknown, repeated flags and missing ones', async () => {
    const base = ['create', '--tenant', 'case5', '--name', 'c5', '--roles', 'atlan:read'];
    expect((await cli([...base, '--password', '--password-stdin'])).code).toBe(2);
    expect((await cli([...base, '--colour', 'red'])).code).toBe(2);
    expect((await cli([...base, '--name', 'again'])).code).toBe(2);
    expect((await cli([...base, '--password=secret1234567'])).err.join()).not.toContain(
      'secret1234567',
    );
    const missing = await cli(['create']);
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([
      'audit-gateway: --tenant: is required',
      'audit-gateway: --name: is required',
      'audit-gateway: --roles: is required',
    ]);
    expect(await names('case5')).toEqual([]);
  });

  it('case 6: uniqueness', async () => {
    expect(
      (await cli(['create', '--tenant', 'acme', '--name', 'reader', '--roles', 'atlan:read'])).code,
    ).toBe(3);
    expect(
      (await cli(['create', '--tenant', 'globex', '--name', 'reader', '--roles', 'atlan:read']))
        .code,
    ).toBe(0);
    const pw = await cli([
      'create',
      '--tenant',
      'globex',
      '--name',
      'atlas-admin',
      '--roles',
      'atlas:admin',
      '--password',
    ]);
    expect(pw.code).toBe(3);
    expect(pw.err.join()).not.toContain('acme');
    expect(
      (
        await cli([
          'create',
          '--tenant',
          'globex',
          '--name',
          'atlas-admin',
          '--roles',
          'atlan:read',
        ])
      ).code,
    ).toBe(0);
  });

  it('case 7: list shows no secret', async () => {
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    for (const v of r.json) expect(Object.keys(v)).toEqual(VIEW_KEYS);
    // tenant ids never contain U+0000, so joining with it keeps tenant-then-name order
    const keys = r.json.map((v) => `${v.tenant as string}\u0000${v.name as string}`);
    expect(keys).toEqual([...keys].sort());
    const text = r.out.join('\n');
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text).not.toContain('scrypt$');
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    const unknown = await cli(['list', '--tenant', 'nobody-here']);
    expect([unknown.code, unknown.out]).toEqual([0, []]);
    expect((await cli(['list', '--tenant', 'Bad'])).code).toBe(2);
  });

  it('case 13: revoke is immediate, idempotent, and 4 for an unknown id', async () => {
    const wb = await cli([
      'create',
      '--tenant',
      'acme',
      '--name',
      'wb',
      '--roles',
      'atomic:workbench',
      '--environments',
      'env-a',
    ]);
    const view = wb.json[0] ?? {};
    expect(view.environments).toEqual(['env-a']);
    const { auth } = authHarness(db());
    const ATOMIC = { schemes: ['bearer'] as const, surface: 'atomic' as const };
    expect((await attempt(auth, input(ATOMIC, `Bearer ${view.token as string}`))).ok).toBe(true);
    const first = await cli(['revoke', view.id as string]);
    expect(first.code).toBe(0);
    expect(first.json[0]?.revokedAt).toMatch(/Z$/);
    const denied = await attempt(auth, input(ATOMIC, `Bearer ${view.token as string}`));
    expect(!denied.ok && denied.error.headers['WWW-Authenticate']).toBe(
      'Bearer realm="audit-gateway", error="invalid_token"',
    );
    const again = await cli(['revoke', view.id as string]);
    expect([again.code, again.json[0]?.revokedAt]).toEqual([0, first.json[0]?.revokedAt]);
    expect((await cli(['revoke', '00000000-0000-7000-8000-000000000000'])).code).toBe(4);
    expect((await cli(['revoke', 'not-a-uuid'])).code).toBe(4);
    expect((await cli(['revoke'])).code).toBe(2);
    expect((await cli(['revoke', 'a', 'b'])).code).toBe(2);
    expect(await names('acme')).toContain('wb');
  });

  it('runs through the commander program and sets the exit code', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const program = createProgram({
      loadConfig: () => testConfig(),
      openDatabase: () =>
        Promise.resolve({ db: db(), description: 'test', close: () => Promise.resolve() }),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      interactive: false,
    });
    const before = process.exitCode;
    try {
      await program.parseAsync([
        'node',
        'audit-gateway',
        'credentials',
        'create',
        '--tenant',
        'cmd',
        '--name',
        'n',
        '--roles',
        'ingest:write,atlan:read',
      ]);
      expect(process.exitCode).toBe(0);
      expect(JSON.parse(out[0] ?? '{}')).toMatchObject({
        tenant: 'cmd',
        roles: ['atlan:read', 'ingest:write'],
      });
      await program.parseAsync([
        'node',
        'audit-gateway',
        'credentials',
        'create',
        '--password',
        'hunter2',
      ]);
      expect(process.exitCode).toBe(2);
      expect(err.join('\n')).not.toContain('hunter2');
    } finally {
      process.exitCode = before;
    }
  });
});
