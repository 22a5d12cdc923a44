/**
 * The request recorder (spec/atomic-audit-log.md §9.7). record() only turns the facts into a row and
 * buffers it, so a request never waits for, or fails because of, the recorder. One background
 * flusher writes the buffer at least every 200 ms (the clock starts with the oldest buffered
 * entry), at once when 500 entries wait, on flush() and on close(). A failed write is retried with
 * backoff from 100 ms to 5 s while the buffer keeps its entries; past 10,000 entries new ones are
 * dropped and counted, and the drop is logged at most once every 10 s.
 */
import type { Logger } from 'pino';
import { currentGeneration, type Db } from '@audit-gateway/store';
import type { Recorder, RequestFacts } from '../app/types';
import type { Config } from '../config/Config';
import { insertRequestEvents } from './insertRequestEvents';
import type { RequestEventRow } from './requestEventRow';
import { toRequestEvent } from './toRequestEvent';

export const FLUSH_INTERVAL_MS = 200;
export const FLUSH_AT_ENTRIES = 500;
export const BUFFER_CAPACITY = 10_000;
const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 5_000;
const DROP_LOG_EVERY_MS = 10_000;
const CLOSE_ATTEMPTS = 3;

export interface RecorderDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly clock: () => number;
  readonly config: Config;
}

/** The Recorder plus what `/metrics` needs (audit_gateway_self_records_dropped_total). */
export interface SelfRecorder extends Recorder {
  /** entries dropped since start: buffer full, or facts that could not be turned into a row */
  dropped(): number;
  /** entries not written yet: buffered or being written */
  pending(): number;
}

export function createRecorder(deps: RecorderDeps): SelfRecorder {
  let buffer: RequestEventRow[] = [];
  /** the batch being written right now (back into `buffer` if the write fails) */
  let writing = 0;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  /** a write queued behind the running one and not started yet: later callers share it */
  let queued: Promise<void> | undefined;
  let failures = 0;
  let dropped = 0;
  let lastDropLog = -Infinity;
  let generation: Promise<number> | undefined;
  /** read once (and raised to config.generation); a failed read is retried by the next write */
  const loadGeneration = (): Promise<number> =>
    (generation ??= currentGeneration(deps.db, deps.config.generation).catch((err: unknown) => {
      generation = undefined;
      throw err;
    }));
  // started at once, so AUDIT_GATEWAY_GENERATION raises the stored value at start-up
  void loadGeneration().catch(() => undefined);

  function drop(count: number, why: string): void {
    dropped += count;
    const now = deps.clock();
    if (now - lastDropLog >= DROP_LOG_EVERY_MS) {
      lastDropLog = now;
      deps.log.error({ dropped, why }, 'request recorder dropped entries');
    }
  }

  function schedule(delayMs: number): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void writeAll().catch(() => undefined); // failures are logged and rescheduled in writeAll
    }, delayMs);
    timer.unref(); // never keeps the process alive; shutdown calls close()
  }

  /** One write of everything buffered, serialised behind any write already running. */
  function writeAll(): Promise<void> {
    if (queued) return queued;
    const run = chain.then(async () => {
      queued = undefined;
      const batch = buffer;
      if (batch.length === 0) return;
      buffer = [];
      writing = batch.length;
      try {
        await insertRequestEvents(deps.db, await loadGeneration(), batch);
        failures = 0;
        writing = 0;
      } catch (err) {
        writing = 0;
        failures += 1;
        // the batch goes back in front, in completion order; the overflow is the newest entries
        const merged = batch.concat(buffer);
        buffer = merged.slice(0, BUFFER_CAPACITY);
        if (merged.length > BUFFER_CAPACITY) drop(merged.length - BUFFER_CAPACITY, 'buffer full');
        deps.log.warn({ err, pending: buffer.length, failures }, 'request recorder flush failed');
        clearTimeout(timer);
        timer = undefined;
        schedule(Math.min(BACKOFF_FIRST_MS * 2 ** (failures - 1), BACKOFF_MAX_MS));
        throw err;
      }
      if (buffer.length >= FLUSH_AT_ENTRIES) void writeAll().catch(() => undefined);
      else if (buffer.length > 0) schedule(FLUSH_INTERVAL_MS);
    });
    queued = run;
    chain = run.catch(() => undefined);
    return run;
  }

  return {
    record(facts: RequestFacts): void {
      let row: RequestEventRow;
      try {
        row = toRequestEvent(facts);
      } catch (err) {
        deps.log.error({ err, requestId: facts.requestId }, 'request could not be recorded');
        drop(1, 'unrecordable');
        return;
      }
      if (buffer.length + writing >= BUFFER_CAPACITY) {
        drop(1, 'buffer full');
        return;
      }
      buffer.push(row);
      if (buffer.length >= FLUSH_AT_ENTRIES && failures === 0)
        void writeAll().catch(() => undefined);
      else schedule(FLUSH_INTERVAL_MS);
    },

    async flush(): Promise<void> {
      await writeAll();
    },

    async close(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      for (let attempt = 1; ; attempt++) {
        try {
          await writeAll();
          clearTimeout(timer);
          timer = undefined;
          return;
        } catch (err) {
          if (attempt >= CLOSE_ATTEMPTS) {
            clearTimeout(timer);
            timer = undefined;
            deps.log.error(
              { err, lost: buffer.length },
              'request recorder could not flush on close',
            );
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, BACKOFF_FIRST_MS * attempt));
        }
      }
    },

    dropped: () => dropped,
    pending: () => buffer.length + writing,
  };
}
