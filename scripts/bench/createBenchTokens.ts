/**
 * The bearer tokens the workloads use, created through the management API (spec/credentials.md §3.2)
 * with the bootstrap token, so the bench authenticates exactly as a client would.
 */
import { randomBytes } from 'node:crypto';
import type { GatewayClient } from './GatewayClient';

export interface BenchTokens {
  /** atlan:read, atlas:admin and atomic:workbench on the dataset's environments */
  readonly read: string;
  readonly ingest: string;
}

/** A generated-token-shaped secret (`agw_` + 43 base64url characters) for the bootstrap credential. */
export function newBootstrapToken(): string {
  return `agw_${randomBytes(32).toString('base64url')}`;
}

export async function createBenchTokens(
  client: GatewayClient,
  bootstrapToken: string,
  environments: readonly string[],
): Promise<BenchTokens> {
  const suffix = randomBytes(4).toString('hex');
  const create = async (name: string, roles: string[]) => {
    const body = {
      name: `${name}-${suffix}`,
      roles,
      environments: [...environments].slice(0, 100),
    };
    const view = await client.json<{ token?: unknown }>({
      method: 'POST',
      path: '/api/v1/credentials',
      token: bootstrapToken,
      json: body,
      expect: [201],
    });
    if (typeof view.token !== 'string')
      throw new Error(`credential ${body.name}: no token returned`);
    return view.token;
  };
  return {
    read: await create('bench-read', ['atlan:read', 'atlas:admin', 'atomic:workbench']),
    ingest: await create('bench-ingest', ['ingest:write']),
  };
}
