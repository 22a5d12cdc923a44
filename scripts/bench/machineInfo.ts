/** The machine a run measured: figures only compare between runs on like machines. */
import { cpus, totalmem, release, platform, arch } from 'node:os';
import type { Knex } from 'knex';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryMiB: number;
  readonly os: string;
  readonly node: string;
  readonly postgres: string;
}

export async function machineInfo(db: Knex): Promise<MachineInfo> {
  const { rows } = await db.raw<{ rows: { v: string }[] }>(
    `SELECT current_setting('server_version') AS v`,
  );
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryMiB: Math.round(totalmem() / 1024 / 1024),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    postgres: rows[0]?.v ?? 'unknown',
  };
}
