/**
 * The secret-key rule of spec/atomic-audit-log.md §9.6, used here so a 422 reason never quotes the
 * value of a member whose name looks secret (spec/ingest.md §4.4).
 */
const MARKERS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'authorization',
  'cookie',
  'credential',
  'privatekey',
  'sessionid',
  'signature',
];

export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_. ]/g, '');
  return MARKERS.some((m) => normalised.includes(m));
}
