/**
 * Progress of an import on standard error (spec/ingest.md §9.4): a bar with records, records/s and
 * the time left on a terminal; otherwise a plain line at least every 10 s. Standard output is kept
 * for the summary alone.
 */
import { SingleBar } from 'cli-progress';

export interface ImportProgress {
  /** bytes of all input, when known (ETA) */
  start(totalBytes: number | undefined): void;
  update(records: number, bytesDone: number): void;
  stop(): void;
}

const PLAIN_INTERVAL_MS = 10_000;

export function createImportProgress(
  interactive: boolean,
  err: (line: string) => void,
  clock: () => number = Date.now,
): ImportProgress {
  const started = clock();
  const rate = (records: number) => {
    const seconds = Math.max((clock() - started) / 1000, 0.001);
    return Math.round(records / seconds);
  };
  if (interactive) {
    const bar = new SingleBar({
      stream: process.stderr,
      format:
        'import |{bar}| {percentage}% | {records} records | {rate} records/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    });
    return {
      start: (total) => bar.start(total ?? 1, 0, { records: 0, rate: 0 }),
      update: (records, bytes) => bar.update(bytes, { records, rate: rate(records) }),
      stop: () => bar.stop(),
    };
  }
  let total: number | undefined;
  let lastLine = started;
  return {
    start: (t) => {
      total = t;
    },
    update: (records, bytes) => {
      const now = clock();
      if (now - lastLine < PLAIN_INTERVAL_MS) return;
      lastLine = now;
      const r = rate(records);
      const share = total ? bytes / total : undefined;
      const eta =
        share && share > 0
          ? `, about ${Math.round(((now - started) / 1000) * (1 / share - 1))} s left`
          : '';
      const pct = share === undefined ? '' : ` (${Math.floor(share * 100)}%)`;
      err(`import: ${records} records${pct}, ${r} records/s${eta}`);
    },
    stop: () => undefined,
  };
}
