/**
 * The Authorization header split into what each scheme needs (spec/credentials.md §5.2, §5.3).
 * The scheme name is case-insensitive. Malformed input is a plain failure, never an exception.
 */
import { B64TOKEN } from '../credentials/secrets';

export type ParsedAuthorization =
  | { readonly scheme: 'none' }
  | { readonly scheme: 'other' }
  | { readonly scheme: 'bearer'; readonly token: string | undefined }
  | {
      readonly scheme: 'basic';
      /** undefined when the header does not decode (then no scrypt runs) */
      readonly pair: { readonly name: string; readonly password: string } | undefined;
    };

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (header === undefined || header === '') return { scheme: 'none' };
  const m = /^([A-Za-z]+) +(.*)$/s.exec(header);
  const scheme = (m?.[1] ?? header).toLowerCase();
  const rest = m?.[2] ?? '';
  if (scheme === 'bearer') {
    const ok = rest.length >= 1 && rest.length <= 512 && B64TOKEN.test(rest);
    return { scheme: 'bearer', token: ok ? rest : undefined };
  }
  if (scheme === 'basic') return { scheme: 'basic', pair: decodeBasic(rest) };
  return { scheme: 'other' };
}

function decodeBasic(b64: string): { name: string; password: string } | undefined {
  if (b64 === '' || !STRICT_BASE64.test(b64)) return undefined;
  let text: string;
  try {
    text = utf8.decode(Buffer.from(b64, 'base64'));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  return { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** The rate-limit name (§7.1): the user name as sent, cut to its first 256 bytes (hex, so a cut
 *  inside a character still gives one stable key). */
export function limiterName(name: string): string {
  return Buffer.from(name, 'utf8').subarray(0, 256).toString('hex');
}
