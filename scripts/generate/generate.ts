/** Writes the three families as NDJSON files, streaming (bounded memory at any size). */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateAtlan } from './generateAtlan';
import { generateAtlas } from './generateAtlas';
import { generateAtomic } from './generateAtomic';
import type { GenerateOptions } from './GenerateOptions';
import { Rng } from './Rng';

export interface GeneratedFiles {
  readonly atlan: string;
  readonly atlas: string;
  readonly atomic: string;
}

async function writeNdjson(path: string, records: Iterable<unknown>): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '';
  for (const r of records) {
    chunk += `${JSON.stringify(r)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Each family has its own stream of randomness, so changing one size leaves the others alone. */
export async function generate(o: GenerateOptions, dir: string): Promise<GeneratedFiles> {
  await mkdir(dir, { recursive: true });
  const files = {
    atlan: join(dir, 'atlan.ndjson'),
    atlas: join(dir, 'atlas.ndjson'),
    atomic: join(dir, 'atomic.ndjson'),
  };
  await writeNdjson(files.atlan, generateAtlan(o, new Rng(o.seed)));
  await writeNdjson(files.atlas, generateAtlas(o, new Rng(o.seed ^ 0x5bd1e995)));
  await writeNdjson(files.atomic, generateAtomic(o, new Rng(o.seed ^ 0x27d4eb2d)));
  return files;
}
