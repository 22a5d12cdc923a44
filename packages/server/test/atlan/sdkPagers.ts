/**
 * The SDKs' paging loops as spec/atlan-auditsearch.md §8.2–§8.3 describe them, so tests can show
 * what a real client reads: pyatlan's offset paging and its timestamp ("bulk") paging with the
 * eventKey de-duplication, and the Java SDK's parallel windows.
 */
import type { AtlanClient, SearchBody } from './atlanFixture';

type Entry = Record<string, unknown>;
type Dsl = Record<string, unknown>;
const MAX_PAGES = 1000;

/** pyatlan's AuditSearchRequest.by_guid(guid, size). */
export function byGuid(guid: string, size: number): Dsl {
  return {
    from: 0,
    size,
    aggregations: {},
    track_total_hits: true,
    query: { bool: { filter: [{ term: { entityId: { value: guid } } }] } },
    sort: [{ created: { order: 'desc' } }, { entityId: { order: 'asc' } }],
  };
}

/** Offset paging: `from += size` until an empty page. */
export async function offsetPages(client: AtlanClient, dsl: Dsl, who?: string): Promise<Entry[]> {
  const out: Entry[] = [];
  const size = Number(dsl.size);
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await client.search({ ...dsl, from: page * size }, who);
    if (body.entityAudits.length === 0) return out;
    out.push(...body.entityAudits);
  }
  throw new Error('offset paging did not end');
}

const startsCreatedAsc = (sort: unknown) => {
  const first = Array.isArray(sort) ? (sort[0] as Dsl | undefined) : undefined;
  return JSON.stringify(first?.created) === JSON.stringify({ order: 'asc' });
};

/**
 * pyatlan's iterator: offset paging, switching to timestamp paging when `bulk` is set or when the
 * first page's totalCount exceeds 9,700 (§8.2). Entries whose eventKey was already seen are dropped.
 */
export async function pyatlanIterate(
  client: AtlanClient,
  dsl: Dsl,
  options: { bulk: boolean; who?: string },
): Promise<Entry[]> {
  const who = options.who;
  const first = await client.search(dsl, who);
  if (!options.bulk && (first.totalCount <= 9700 || startsCreatedAsc(dsl.sort))) {
    return offsetPages(client, dsl, who);
  }
  const callerKeys = (dsl.sort as Dsl[]).filter((k) => !('entityId' in k));
  const sort = [{ created: { order: 'asc' } }, ...callerKeys, { entityId: { order: 'asc' } }];
  const filters = ((dsl.query as { bool: { filter: Dsl[] } }).bool.filter ?? []).slice();
  const seen = new Set<string>();
  const seenPerCreated = new Map<number, number>();
  const out: Entry[] = [];
  let paging: Dsl | undefined;
  let from = 0;
  let maxCreated = -Infinity;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = { bool: { filter: paging ? [...filters, paging] : filters } };
    const body: SearchBody = await client.search({ ...dsl, from, sort, query }, who);
    const entries = body.entityAudits;
    if (entries.length === 0) return out;
    for (const e of entries) {
      const created = e.created as number;
      maxCreated = Math.max(maxCreated, created);
      if (seen.has(e.eventKey as string)) continue;
      seen.add(e.eventKey as string);
      seenPerCreated.set(created, (seenPerCreated.get(created) ?? 0) + 1);
      out.push(e);
    }
    const createdValues = new Set(entries.map((e) => e.created as number));
    if (createdValues.size > 1) {
      paging = { range: { created: { gte: entries.at(-1)?.created } } };
      from = 0;
    } else {
      paging = { range: { created: { gte: maxCreated } } };
      from = seenPerCreated.get(maxCreated) ?? 0;
    }
  }
  throw new Error('timestamp paging did not end');
}

/** The Java SDK's parallel stream: independent windows of [0, totalCount). */
export async function javaWindows(
  client: AtlanClient,
  dsl: Dsl,
  pageSize: number,
  who?: string,
): Promise<Entry[]> {
  const total = (await client.search({ ...dsl, from: 0, size: 1 }, who)).totalCount;
  const starts = Array.from({ length: Math.ceil(total / pageSize) }, (_, i) => i * pageSize);
  const pages = await Promise.all(
    starts.map((start) =>
      client.search({ ...dsl, from: start, size: Math.min(pageSize, total - start) }, who),
    ),
  );
  return pages.flatMap((p) => p.entityAudits);
}
