/** A schema-valid Atlas entry → the store's normalised entry (absent and null are the same, §5.1). */
import type { AtlasEntry, JsonObject } from '@audit-gateway/store';

const opt = <T>(v: unknown): T | null => (v === undefined || v === null ? null : (v as T));

export function toAtlasEntry(raw: JsonObject): AtlasEntry {
  return {
    guid: raw.guid as string,
    userName: raw.userName as string,
    operation: raw.operation as string,
    params: opt<string>(raw.params),
    startTime: raw.startTime as number,
    endTime: opt<number>(raw.endTime),
    clientId: opt<string>(raw.clientId),
    result: opt<string>(raw.result),
    resultCount: opt<number>(raw.resultCount) ?? 0,
    runId: opt<string>(raw.runId),
    auditRowKind: opt<string>(raw.auditRowKind),
  };
}
