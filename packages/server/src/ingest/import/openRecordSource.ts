/**
 * A file (or standard input) → a stream of record slices, read in bounded memory (spec/ingest.md
 * §9.1). The first byte that is not whitespace decides the format: `[` is a JSON array, anything
 * else NDJSON. A resume offset starts reading there, in the format the file's head shows.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { JsonArraySplitter } from '../parse/JsonArraySplitter';
import { NdjsonSplitter } from '../parse/NdjsonSplitter';
import type { RecordSlice } from '../parse/RecordSlice';

export type FileFormat = 'json' | 'ndjson';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Format from the first bytes; a leading BOM is skipped. Empty input counts as NDJSON. */
export function detectFormat(head: Buffer): FileFormat | undefined {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && WS.has(head[i]!)) i++;
  if (i >= head.length) return undefined;
  return head[i] === 0x5b ? 'json' : 'ndjson';
}

async function formatOfFile(path: string): Promise<FileFormat> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return 'ndjson';
      const found = detectFormat(chunk.subarray(0, bytesRead));
      if (found) return found;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

export interface RecordSource {
  readonly format: FileFormat;
  slices(): AsyncGenerator<RecordSlice>;
}

/** `-` is standard input (no resume there). */
export async function openRecordSource(
  path: string,
  resumeAt: number | undefined,
  stdin: Readable,
): Promise<RecordSource> {
  if (path === '-') return fromStdin(stdin);
  const format = await formatOfFile(path);
  return {
    format,
    async *slices() {
      const splitter =
        format === 'json' ? new JsonArraySplitter(resumeAt) : new NdjsonSplitter(resumeAt);
      const stream = createReadStream(path, {
        start: resumeAt ?? 0,
        highWaterMark: 1024 * 1024,
      });
      for await (const chunk of stream) yield* splitter.push(chunk as Buffer);
      if (splitter instanceof NdjsonSplitter) yield* splitter.end();
      else splitter.end();
    },
  };
}

async function fromStdin(stdin: Readable): Promise<RecordSource> {
  const iterator = stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let format: FileFormat | undefined;
  while (format === undefined) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    format = detectFormat(Buffer.concat(head));
  }
  const fmt = format ?? 'ndjson';
  return {
    format: fmt,
    async *slices() {
      const splitter = fmt === 'json' ? new JsonArraySplitter() : new NdjsonSplitter();
      for (const chunk of head) yield* splitter.push(chunk);
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        yield* splitter.push(next.value);
      }
      if (splitter instanceof NdjsonSplitter) yield* splitter.end();
      else splitter.end();
    },
  };
}
