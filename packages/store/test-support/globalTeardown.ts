import { createDb } from '../src/db';
import { ENV_ADMIN_URL, ENV_TEMPLATE } from './testDatabase';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const template = process.env[ENV_TEMPLATE];
  if (adminUrl && template) {
    const admin = createDb({ url: adminUrl, poolMax: 1 });
    try {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [template]);
    } finally {
      await admin.destroy();
    }
  }
  await globalThis.__auditGatewayTestPg?.stop();
}
