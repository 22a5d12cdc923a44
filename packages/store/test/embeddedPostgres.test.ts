import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../src/embeddedPostgres';

describe('embedded PostgreSQL start-up errors', () => {
  const base = mkdtempSync(join(tmpdir(), 'agw-embedded-'));

  it('names a data directory that is a file', async () => {
    const file = join(base, 'a-file');
    writeFileSync(file, 'x');
    await expect(startEmbeddedPostgres({ dataDir: file })).rejects.toThrow(EmbeddedPostgresError);
    await expect(startEmbeddedPostgres({ dataDir: file })).rejects.toThrow(
      /cannot be created|is not a directory/,
    );
  });

  it('refuses a non-empty directory that holds no cluster', async () => {
    const dir = join(base, 'not-a-cluster');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(startEmbeddedPostgres({ dataDir: dir })).rejects.toThrow(
      /not empty and holds no PostgreSQL cluster/,
    );
  });

  it('says which port is taken and how to choose another', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((ok) =>
      blocker.listen(0, '127.0.0.1', () => ok((blocker.address() as { port: number }).port)),
    );
    try {
      await expect(startEmbeddedPostgres({ dataDir: join(base, 'fresh'), port })).rejects.toThrow(
        new RegExp(`port ${port}: it is in use.*AUDIT_GATEWAY_EMBEDDED_PG_PORT`),
      );
    } finally {
      blocker.close();
    }
  });
});
