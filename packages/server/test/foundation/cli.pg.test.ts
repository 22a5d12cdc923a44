import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/app/openDatabase';
import { main } from '../../src/cli/main';
import type { CliContext } from '../../src/cli/types';
import { testConfig } from '../../src/config/loadConfig';
import { createEmptyDatabase, dropDatabase } from '../../../store/test-support/testDatabase';

describe('audit-gateway migrate', () => {
  const name = `audit_cli_${randomBytes(6).toString('hex')}`;
  let url: string;
  beforeAll(async () => {
    url = await createEmptyDatabase(name);
  });
  afterAll(() => dropDatabase(name));

  function context(lines: string[]): CliContext {
    return {
      loadConfig: () => testConfig({ database: { kind: 'url', url } }),
      openDatabase,
      out: (l) => lines.push(l),
      err: (l) => lines.push(`ERR ${l}`),
      interactive: false,
    };
  }

  it('reports pending migrations, applies them, and rolls them back', async () => {
    const lines: string[] = [];
    const run = (...args: string[]) => main(['node', 'audit-gateway', ...args], context(lines));
    await run('migrate', '--status');
    expect(lines.pop()).toMatch(
      /^pending: 20261122000000_initial_schema, 20261122000100_entity_timeline_index/,
    );
    await run('migrate');
    expect(lines.pop()).toMatch(/schema is up to date/);
    await run('migrate', '--status');
    expect(lines.pop()).toBe('schema is up to date');
    await run('migrate', '--down');
    expect(lines.pop()).toMatch(
      /^rolled back: 20261122000200_entity_recent_activity_index, 20261122000100_entity_timeline_index, 20261122000000_initial_schema$/,
    );
    await run('migrate', '--status');
    expect(lines.pop()).toMatch(/^pending:/);
  });
});
