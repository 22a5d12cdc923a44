/**
 * The generator writes one NDJSON file per record family (scripts/generate); this finds them by
 * name, so the bench does not depend on the exact file names, only on each naming its family.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export type EventFamilyName = 'atlan' | 'atlas' | 'atomic';

export interface DatasetFiles {
  readonly atlan: readonly string[];
  readonly atlas: readonly string[];
  readonly atomic: readonly string[];
}

const DATA_FILE = /\.(ndjson|jsonl)$/i;
/** typedefs and entity headers are not audit events: the workloads do not read them */
const NOT_EVENTS = /typedef|header|entities/i;

function familyOf(file: string): EventFamilyName | undefined {
  const name = basename(file).toLowerCase();
  if (!DATA_FILE.test(name) || NOT_EVENTS.test(name)) return undefined;
  if (name.includes('atomic')) return 'atomic';
  if (name.includes('atlas')) return 'atlas';
  if (name.includes('atlan')) return 'atlan';
  return undefined;
}

/** Files in `dir` and one level below, sorted by path so a dataset always loads in the same order. */
export function findDatasetFiles(dir: string): DatasetFiles {
  const found: Record<EventFamilyName, string[]> = { atlan: [], atlas: [], atomic: [] };
  const visit = (d: string, depth: number) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) {
        if (depth === 0) visit(path, 1);
        continue;
      }
      const family = familyOf(path);
      if (family) found[family].push(path);
    }
  };
  visit(dir, 0);
  if (found.atlan.length + found.atlas.length + found.atomic.length === 0)
    throw new Error(`no atlan/atlas/atomic NDJSON files in the dataset directory ${dir}`);
  return found;
}
