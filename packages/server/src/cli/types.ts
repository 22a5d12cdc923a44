/** What every CLI command is given (packages/server/src/cli/main.ts builds it). */
import type { Config } from '../config/Config';
import type { OpenDatabase, OpenDatabaseOptions } from '../app/openDatabase';

export interface CliContext {
  /** reads the environment once; throws ConfigError naming the bad variable */
  loadConfig(): Config;
  /** opens (and by default migrates) the configured database; close() it when done */
  openDatabase(config: Config, options?: OpenDatabaseOptions): Promise<OpenDatabase>;
  /** standard output, one line */
  out(line: string): void;
  /** standard error, one line */
  err(line: string): void;
  /** true when standard output is a terminal (progress bars) */
  readonly interactive: boolean;
}
