import pino from 'pino';
import { Writable } from 'node:stream';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createDb } from '@audit-gateway/store';
import { bootstrapCredentials } from '../../src/credentials/bootstrap';
import { listCredentials, revokeCredential } from '../../src/credentials/credentialStore';
import { toView } from '../../src/credentials/types';
import { testConfig } from '../../src/config/loadConfig';
import { authHarness, ATLAN, attempt, input } from '../auth/authHarness';

const B = 'boot-0123456789abcdef0123456789abcdef';

function capturingLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe('bootstrapCredentials (spec/credentials.md §4)', () => {
  describe('case 1: from the setting', () => {
    const db = useTestDatabase();

    it('creates one gateway:admin credential with the given token, printing nothing', async () => {
      const { log, lines } = capturingLog();
      const out: string[] = [];
      const config = testConfig({ bootstrapToken: B });
      await bootstrapCredentials({ db: db(), config, log, out: (l) => out.push(l) });
      const views = (await listCredentials(db())).map(toView);
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({
        tenant: 'default',
        name: 'bootstrap',
        kind: 'token',
        roles: ['gateway:admin'],
        environments: ['demo', '_gateway'],
        policy: {},
        revokedAt: null,
      });
      expect(out).toEqual([]);
      expect(lines.join('')).toContain('bootstrap credential created');
      expect(lines.join('')).not.toContain(B);
      const { auth } = authHarness(db());
      const a = await attempt(auth, input(ATLAN, `Bearer ${B}`));
      expect(a.ok && a.outcome.principal.name).toBe('bootstrap');

      // a restart creates nothing
      await bootstrapCredentials({ db: db(), config, log, out: (l) => out.push(l) });
      expect(await listCredentials(db())).toHaveLength(1);
      const meta = (await db()('store_meta').where({ key: 'bootstrap' }).first()) as {
        value: { count: number; credentialId: string };
      };
      expect(meta.value).toMatchObject({ count: 1, credentialId: views[0]?.id });
    });

    it('refuses a revoked bootstrap token, and names the next one bootstrap-2', async () => {
      const [row] = await listCredentials(db());
      await revokeCredential(db(), row?.id ?? '', Date.now());
      const log = pino({ level: 'silent' });
      await expect(
        bootstrapCredentials({ db: db(), config: testConfig({ bootstrapToken: B }), log }),
      ).rejects.toThrow(/AUDIT_GATEWAY_BOOTSTRAP_TOKEN is the token of a revoked credential/);
      const out: string[] = [];
      await bootstrapCredentials({ db: db(), config: testConfig(), log, out: (l) => out.push(l) });
      const names = (await listCredentials(db())).map((r) => r.name);
      expect(names).toEqual(['bootstrap', 'bootstrap-2']);
      expect(out).toHaveLength(1);
      const meta = (await db()('store_meta').where({ key: 'bootstrap' }).first()) as {
        value: { count: number };
      };
      expect(meta.value.count).toBe(2);
    });

    it.each(['short', `${'a'.repeat(40)} b`, 'x'.repeat(513)])(
      'refuses the setting %j',
      async (bad) => {
        await expect(
          bootstrapCredentials({
            db: db(),
            config: testConfig({ bootstrapToken: bad }),
            log: pino({ level: 'silent' }),
          }),
        ).rejects.toThrow(/^AUDIT_GATEWAY_BOOTSTRAP_TOKEN must be/);
      },
    );
  });

  describe('case 2: generated, once, race-safe', () => {
    const db = useTestDatabase();

    it('creates exactly one credential when two starts race, and prints its token once', async () => {
      // a second pool on the same database stands in for the second replica
      const other = createDb({ url: db.url });
      try {
        const out: string[] = [];
        const { log, lines } = capturingLog();
        await Promise.all(
          [db(), other].map((d) =>
            bootstrapCredentials({ db: d, config: testConfig(), log, out: (l) => out.push(l) }),
          ),
        );
        const rows = await listCredentials(db());
        expect(rows).toHaveLength(1);
        expect(out).toHaveLength(1);
        const m =
          /^audit-gateway: created bootstrap credential ([0-9a-f-]{36}) \(tenant "default", role gateway:admin\); token, shown once: (agw_[A-Za-z0-9_-]{43})$/.exec(
            out[0] ?? '',
          );
        expect(m?.[1]).toBe(rows[0]?.id);
        const token = m?.[2] ?? '';
        expect(lines.join('')).not.toContain(token);
        const { auth } = authHarness(db());
        const a = await attempt(auth, input(ATLAN, `Bearer ${token}`));
        expect(a.ok).toBe(true);
        await bootstrapCredentials({
          db: db(),
          config: testConfig(),
          log,
          out: (l) => out.push(l),
        });
        expect(out).toHaveLength(1);
      } finally {
        await other.destroy();
      }
    });
  });
});
