/**
 * Listening and graceful shutdown (DESIGN §4.2 `AUDIT_GATEWAY_SHUTDOWN_GRACE_MS`): stop accepting,
 * let in-flight requests finish within the grace period, then close what is left.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

export interface InFlight {
  start(): void;
  end(): void;
  readonly count: number;
  /** resolves when no request is in flight */
  idle(): Promise<void>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    start() {
      count++;
    },
    end() {
      count = Math.max(0, count - 1);
      if (count === 0) {
        const w = waiters;
        waiters = [];
        w.forEach((f) => f());
      }
    },
    get count() {
      return count;
    },
    idle() {
      return count === 0 ? Promise.resolve() : new Promise((ok) => waiters.push(ok));
    },
  };
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** stops accepting, waits for in-flight requests up to `graceMs`, then closes every connection */
  close(graceMs: number): Promise<{ unfinished: number }>;
}

export function listen(
  handler: RequestListener,
  port: number,
  inFlight: InFlight,
  host?: string,
): Promise<RunningServer> {
  const server = createServer(handler);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const actual = (server.address() as AddressInfo).port;
      let closing: Promise<{ unfinished: number }> | undefined;
      ok({
        server,
        port: actual,
        close(graceMs) {
          closing ??= (async () => {
            const closed = new Promise<void>((done) => server.close(() => done()));
            server.closeIdleConnections();
            let timer: NodeJS.Timeout | undefined;
            const graceOver = new Promise<'timeout'>(
              (r) => (timer = setTimeout(() => r('timeout'), graceMs)),
            );
            const result = await Promise.race([
              inFlight.idle().then(() => 'idle' as const),
              graceOver,
            ]);
            clearTimeout(timer);
            const unfinished = result === 'timeout' ? inFlight.count : 0;
            server.closeAllConnections();
            await closed;
            return { unfinished };
          })();
          return closing;
        },
      });
    });
  });
}
