/**
 * JSON nesting counted in one linear pass over the bytes, before any parser recurses (DESIGN §4.3:
 * the 128-level limit is enforced while parsing). Structural characters are ASCII, so scanning
 * UTF-8 bytes is exact. Shared by the JSON body reader and the ingest splitters.
 */
export function scanDepth(bytes: Buffer, from = 0, to = bytes.length): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}
