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
      const server = await startServer(config, { out: ctx.out });
      await new Promise<void>((resolve) => {
        const onSignal = (signal: NodeJS.Signals) => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          server.stop(signal).then(resolve, (e: unknown) => {
            server.log.error({ err: e }, 'shutdown failed');
            process.exitCode = 1;
            resolve();
          });
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
    });
}
