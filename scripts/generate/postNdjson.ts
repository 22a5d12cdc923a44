/**
 * npx tsx scripts/generate/postNdjson.ts --url http://localhost:8080/api/v1/ingest/atlan
 *   --token T --file atlan.ndjson [--batch 1000] [--clients 4]
 * Streams a generated NDJSON file to an ingest endpoint in batches (NDJSON bodies) and prints the
 * achieved records/s: the HTTP side of the ingest benchmark. Batches are sent in file order per
 * client; with several clients, seq no longer follows the file, which ingest allows.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      file: { type: 'string' },
      batch: { type: 'string', default: '1000' },
      clients: { type: 'string', default: '4' },
    },
  });
  if (!values.url || !values.token || !values.file)
    throw new Error('--url, --token and --file are required');
  const size = Number(values.batch);
  const clients = Number(values.clients);
  const lines = createInterface({ input: createReadStream(values.file), crlfDelay: Infinity });
  const started = Date.now();
  let records = 0;
  let ingested = 0;
  const inFlight = new Set<Promise<void>>();
  const post = async (body: string, n: number): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      const r = await fetch(values.url!, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${values.token}`,
          'Content-Type': 'application/x-ndjson',
        },
        body,
      });
      const text = await r.text();
      if (r.status === 200) {
        ingested += (JSON.parse(text) as { ingested: number }).ingested;
        records += n;
        return;
      }
      // 409/503 are retryable by contract; anything else is a failure of the run
      if ((r.status !== 503 && r.status !== 409) || attempt > 5)
        throw new Error(`HTTP ${r.status}: ${text.slice(0, 500)}`);
      await new Promise((res) => setTimeout(res, 1000));
    }
  };
  let batch: string[] = [];
  const flush = async () => {
    const body = batch.join('\n');
    const n = batch.length;
    batch = [];
    const p = post(body, n).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= clients) await Promise.race(inFlight);
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    batch.push(line);
    if (batch.length >= size) await flush();
  }
  if (batch.length > 0) await flush();
  await Promise.all(inFlight);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ records, ingested, seconds, recordsPerSecond: Math.round(records / seconds) })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`postNdjson: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
