/**
 * Reads a request body under the route's byte limit and decodes it as the route asks (STYLE §3.14:
 * no global body parser, so an unauthenticated request is never parsed). JSON nesting is limited
 * to 128 levels, counted in a linear scan before JSON.parse, so no recursive walk ever sees a
 * deeper document (DESIGN §4.3).
 */
import type { IncomingMessage } from 'node:http';
import { AuditError, type RequestBody } from '@audit-gateway/ir';
import { scanDepth } from './scanDepth';

export const MAX_JSON_DEPTH = 128;

export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      req.resume(); // drain the rest so the connection can answer
      throw tooLarge(limit);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(limit: number): AuditError {
  return new AuditError('AQ413', `Request body too large: the limit is ${limit} bytes`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AuditError('AQ150', 'The request body is not valid UTF-8');
  }
}

/** Depth of the deepest array/object, the body itself being level 1; strings are skipped. */
export function jsonDepth(text: string): number {
  return scanDepth(Buffer.from(text, 'utf8'));
}

/** Parses JSON text with the depth limit; errors name the position. */
export function parseJsonText(text: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new AuditError('AQ150', `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AuditError('AQ150', `The request body is not valid JSON: ${(e as Error).message}`);
  }
}

export function toRequestBody(
  kind: 'none' | 'json' | 'raw',
  bytes: Buffer,
  contentType: string,
): RequestBody {
  if (kind === 'none') return { kind: 'none' };
  if (kind === 'raw') return { kind: 'raw', bytes, contentType };
  const text = decodeUtf8(bytes);
  if (text.trim() === '') return { kind: 'empty' };
  return { kind: 'json', value: parseJsonText(text) };
}
