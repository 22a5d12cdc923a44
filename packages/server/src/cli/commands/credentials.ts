import type { Command } from 'commander';
import { runCredentialsCli } from '../../credentials/cli/runCredentialsCli';
import type { CliContext } from '../types';

/**
 * `audit-gateway credentials create|list|revoke` (spec/credentials.md §2). Commander only routes
 * here: the arguments are parsed strictly by runCredentialsCli, so `--password hunter2` fails
 * instead of being half-accepted, and no error message echoes a value.
 */
export function registerCredentialsCommand(program: Command, ctx: CliContext): void {
  program
    .command('credentials')
    .description('create, list and revoke credentials (writes the database directly)')
    .usage(
      'create --tenant T --name N --roles R[,R…] [--environments E,…] [--policy JSON] [--password | --password-stdin] | list [--tenant T] | revoke ID',
    )
    .argument('[args...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (args: string[]) => {
      process.exitCode = await runCredentialsCli(args, {
        openDb: async () => {
          const opened = await ctx.openDatabase(ctx.loadConfig());
          return { db: opened.db, close: () => opened.close() };
        },
        readStdin,
        out: (line) => ctx.out(line),
        err: (line) => ctx.err(line),
        now: Date.now,
      });
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
