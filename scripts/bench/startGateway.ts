/**
 * Runs the real gateway (`node bin/audit-gateway serve`) as a child process, waits for /readyz, and
 * samples its resident set size from /proc while it runs. A separate process, so the figures include
 * the whole server (pool, recorder, logger) and its RSS is not the bench's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@audit-gateway/store';
import { GatewayClient } from './GatewayClient';

export interface GatewayProcess {
  readonly port: number;
  readonly pid: number;
  readonly client: GatewayClient;
  /** the greatest VmRSS seen since start or since the last reset, in MiB */
  peakRssMiB(): number;
  resetPeakRss(): void;
  /** SIGTERM, then SIGKILL after the grace period; resolves when the process has exited */
  stop(): Promise<void>;
}

export interface GatewayStartOptions {
  readonly repoRoot: string;
  readonly databaseUrl: string;
  readonly bootstrapToken: string;
  readonly log: (line: string) => void;
  /** how long to wait for /readyz */
  readonly readyTimeoutMs?: number;
}

/** VmRSS of a process in MiB; NaN where /proc is not available (the figure is then reported as null). */
export function readRssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startGateway(options: GatewayStartOptions): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(options.repoRoot, 'bin', 'audit-gateway'), 'serve'], {
    cwd: options.repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      AUDIT_GATEWAY_RATE_LIMIT: '0',
      AUDIT_GATEWAY_BOOTSTRAP_TOKEN: options.bootstrapToken,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // keep the tail of stderr for the error message if it dies; the stream must be drained anyway
  let stderrTail = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderrTail = (stderrTail + c.toString('utf8')).slice(-4000);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the gateway process did not start');

  let peak = 0;
  const sample = () => {
    const rss = readRssMiB(pid);
    if (rss > peak) peak = rss;
  };
  const sampler = setInterval(sample, 100);
  sampler.unref();

  const client = new GatewayClient(port);
  const stop = async () => {
    clearInterval(sampler);
    client.close();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(killer);
    }
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      clearInterval(sampler);
      throw new Error(`the gateway exited before it was ready:\n${stderrTail}`);
    }
    const ready = await client
      .send({ method: 'GET', path: '/readyz', timeoutMs: 2000 })
      .then(() => true)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the gateway was not ready within the timeout:\n${stderrTail}`);
    }
    await delay(200);
  }
  options.log(`gateway ready on 127.0.0.1:${port} (pid ${pid})`);
  sample();
  return {
    port,
    pid,
    client,
    peakRssMiB: () => Math.round(Math.max(peak, readRssMiB(pid) || 0) * 10) / 10,
    resetPeakRss: () => {
      peak = readRssMiB(pid) || 0;
    },
    stop,
  };
}
