/** Content-Type checks shared by every JSON route (spec/atlan-auditsearch.md §1.3, atlas §2.2). */
export interface MediaType {
  readonly type: string;
  readonly charset: string | undefined;
}

export function parseMediaType(header: string | undefined): MediaType | undefined {
  if (!header) return undefined;
  const [type, ...params] = header.split(';');
  let charset: string | undefined;
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    if (p.slice(0, eq).trim().toLowerCase() === 'charset') {
      charset = p
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, '')
        .toLowerCase();
    }
  }
  return { type: (type ?? '').trim().toLowerCase(), charset };
}

/** True when the header names one of `accepted` and its charset, if any, is utf-8. */
export function mediaTypeAccepted(
  header: string | undefined,
  accepted: readonly string[],
): boolean {
  const m = parseMediaType(header);
  if (!m || !accepted.includes(m.type)) return false;
  return m.charset === undefined || m.charset === 'utf-8';
}
