/**
 * A minimal HTTP client for the gateway on loopback: keep-alive sockets, JSON in and out, and a
 * thrown error for every status the caller did not expect. node:http rather than fetch, so the
 * client adds as little as possible to the latency it measures.
 */
import { Agent, request } from 'node:http';

export class GatewayHttpError extends Error {
  override name = 'GatewayHttpError';
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 300)}`);
  }
}

export interface GatewayResponse {
  readonly status: number;
  readonly body: string;
}

export interface GatewayRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly token?: string;
  /** sent as application/json; a string is sent as is */
  readonly json?: unknown;
  /** statuses that are not an error (default: 200 only) */
  readonly expect?: readonly number[];
  readonly timeoutMs?: number;
}

export class GatewayClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    maxSockets = 64,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(req: GatewayRequest): Promise<GatewayResponse> {
    const payload =
      req.json === undefined
        ? undefined
        : Buffer.from(typeof req.json === 'string' ? req.json : JSON.stringify(req.json), 'utf8');
    const headers: Record<string, string> = {};
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const expect = req.expect ?? [200];
    return new Promise<GatewayResponse>((resolve, reject) => {
      const r = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: req.method,
          path: req.path,
          headers,
          agent: this.agent,
          timeout: req.timeoutMs ?? 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (expect.includes(status)) resolve({ status, body });
            else reject(new GatewayHttpError(status, body, `${req.method} ${req.path}`));
          });
        },
      );
      r.on('timeout', () => r.destroy(new Error(`${req.method} ${req.path}: timed out`)));
      r.on('error', reject);
      r.end(payload);
    });
  }

  async json<T>(req: GatewayRequest): Promise<T> {
    return JSON.parse((await this.send(req)).body) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
