/** Streams the records of NDJSON files in batches, so a 10M-event dataset never sits in memory. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type JsonRecord = { [key: string]: unknown };

export async function* readNdjsonBatches(
  files: readonly string[],
  batchSize: number,
  maxRecords = Number.POSITIVE_INFINITY,
): AsyncGenerator<JsonRecord[]> {
  let batch: JsonRecord[] = [];
  let seen = 0;
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (seen >= maxRecords) break;
      if (line.trim() === '') continue;
      batch.push(JSON.parse(line) as JsonRecord);
      seen++;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    lines.close();
    if (seen >= maxRecords) break;
  }
  if (batch.length > 0) yield batch;
}
