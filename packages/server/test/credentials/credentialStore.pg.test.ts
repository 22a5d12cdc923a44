import { useTestDatabase } from '../../../store/test-support/testDatabase';
import {
  findCredentialById,
  findPasswordCredential,
  findTokenCredential,
  listCredentials,
  NameTakenError,
  revokeCredential,
} from '../../src/credentials/credentialStore';
import { tokenDigest, verifyPassword } from '../../src/credentials/secrets';
import { toView } from '../../src/credentials/types';
import { createTestCredential } from '../../test-support/credentials';

describe('credential store', () => {
  const db = useTestDatabase();

  it('stores a token as its SHA-256 and finds it by digest', async () => {
    const c = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'reader',
      roles: ['atlan:read'],
    });
    expect(c.secret).toMatch(/^agw_[A-Za-z0-9_-]{43}$/);
    expect(c.authorization).toBe(`Bearer ${c.secret}`);
    const row = await findTokenCredential(db(), tokenDigest(c.secret));
    expect(row?.id).toBe(c.id);
    expect(row?.secret_hash).toBe(tokenDigest(c.secret));
    expect(row?.secret_hash).not.toContain(c.secret);
  });

  it('stores a password with scrypt and its parameters', async () => {
    const c = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'atlas-admin',
      kind: 'password',
      roles: ['atlas:admin'],
    });
    expect(c.secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const row = await findPasswordCredential(db(), 'atlas-admin');
    expect(row?.secret_hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    await expect(verifyPassword(c.secret, row?.secret_hash ?? '')).resolves.toBe(true);
    await expect(verifyPassword(`${c.secret}x`, row?.secret_hash ?? '')).resolves.toBe(false);
    expect(c.authorization).toBe(
      `Basic ${Buffer.from(`atlas-admin:${c.secret}`).toString('base64')}`,
    );
  });

  it('keeps (tenant, name) unique and password names unique across tenants', async () => {
    await createTestCredential(db(), { tenant: 'u1', name: 'same', roles: ['atlan:read'] });
    await expect(
      createTestCredential(db(), { tenant: 'u1', name: 'same', roles: ['atlan:read'] }),
    ).rejects.toBeInstanceOf(NameTakenError);
    await createTestCredential(db(), { tenant: 'u2', name: 'same', roles: ['atlan:read'] });
    await createTestCredential(db(), {
      tenant: 'u1',
      name: 'pw',
      kind: 'password',
      roles: ['atlas:admin'],
    });
    await expect(
      createTestCredential(db(), {
        tenant: 'u2',
        name: 'pw',
        kind: 'password',
        roles: ['atlas:admin'],
      }),
    ).rejects.toBeInstanceOf(NameTakenError);
    await createTestCredential(db(), { tenant: 'u2', name: 'pw', roles: ['atlan:read'] });
  });

  it('revokes once, keeps the row, and confines revocation to a tenant when asked', async () => {
    const c = await createTestCredential(db(), { tenant: 'r1', name: 'x', roles: ['atlan:read'] });
    expect(await revokeCredential(db(), c.id, 1_000, 'other')).toBeUndefined();
    const first = await revokeCredential(db(), c.id, 1_700_000_000_123, 'r1');
    expect(first?.revoked_at?.toISOString()).toBe('2023-11-14T22:13:20.123Z');
    const again = await revokeCredential(db(), c.id, 1_800_000_000_000);
    expect(again?.revoked_at?.toISOString()).toBe('2023-11-14T22:13:20.123Z');
    expect((await findCredentialById(db(), c.id))?.revoked_at).not.toBeNull();
    expect(await revokeCredential(db(), 'not-a-uuid', 1)).toBeUndefined();
  });

  it('lists by tenant then name in binary order, with exactly the ten view keys', async () => {
    await createTestCredential(db(), { tenant: 'l1', name: 'b', roles: ['atlan:read'] });
    await createTestCredential(db(), { tenant: 'l1', name: 'B', roles: ['atlan:read'] });
    await createTestCredential(db(), { tenant: 'l1', name: 'a', roles: ['atlan:read'] });
    const views = (await listCredentials(db(), 'l1')).map(toView);
    expect(views.map((v) => v.name)).toEqual(['B', 'a', 'b']);
    expect(Object.keys(views[0] ?? {})).toEqual([
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
    ]);
    expect(views[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const all = await listCredentials(db());
    const keys = all.map((r) => `${r.tenant}/${r.name}`);
    expect(keys).toEqual([...keys].sort());
  });
});
