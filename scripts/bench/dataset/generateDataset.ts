/**
 * Runs the dataset generator (scripts/generate, seeded and reproducible) as a child process:
 * `--events N --out DIR`. A child, so its memory and time are not the bench's.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export async function generateDataset(
  repoRoot: string,
  generator: string,
  events: number,
  outDir: string,
  log: (line: string) => void,
): Promise<void> {
  const args = [
    join(repoRoot, 'bin', 'run-script'),
    generator,
    '--events',
    String(events),
    '--out',
    outDir,
  ];
  log(`generating ${events} events into ${outDir}`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let tail = '';
    child.stderr.on('data', (c: Buffer) => {
      tail = (tail + c.toString('utf8')).slice(-4000);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the generator failed (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
}
