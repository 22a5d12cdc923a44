import type { Command } from 'commander';
import { startServer } from '../../app/startServer';
import { parsePort } from '../parsePort';
import type { CliContext } from '../types';

/** `audit-gateway serve [--port N]`: runs until SIGINT or SIGTERM, then shuts down in order. */
export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('run the gateway (an embedded PostgreSQL unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'HTTP port (default: PORT or 8080)', parsePort)
    .action(async (opts: { port?: number }) => {
      const base = ctx.loadConfig();
      const config = opts.port === undefined ? base : { ...base, port: opts.port };
      const server = await startServer(config, { out: (line) => ctx.out(line) });
      await new Promise<void>((resolve) => {
        let stopping = false;
        // Later signals while stopping are noted, not obeyed: exiting then would orphan the
        // embedded PostgreSQL and cut requests the first signal promised to finish.
        const onSignal = (signal: NodeJS.Signals) => {
          if (stopping) {
            server.log.warn({ signal }, 'already shutting down');
            return;
          }
          stopping = true;
          server.stop(signal).then(
            () => {
              process.off('SIGINT', onSignal);
              process.off('SIGTERM', onSignal);
              resolve();
            },
            (e: unknown) => {
              server.log.error({ err: e }, 'shutdown failed');
              process.exitCode = 1;
              resolve();
            },
          );
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
    });
}
