/**
 * A schema-valid Atlan record → the store's normalised record, plus the checks a schema cannot
 * express: the `detail` cap and its per-action constraints (spec/ingest.md §5.2).
 */
import type { AtlanRecord, JsonObject } from '@audit-gateway/store';
import { LEGACY_ACTIONS } from '../schemas/atlanRecordSchema';

export const MAX_DETAIL_BYTES = 1024 * 1024;

type Problem = { pointer: string; reason: string };

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function need(
  d: JsonObject,
  key: string,
  ok: (v: unknown) => boolean,
  expected: string,
  required: boolean,
  out: Problem[],
): void {
  if (!(key in d) || d[key] === undefined || (d[key] === null && !required)) {
    if (required)
      out.push({ pointer: `/detail/${key}`, reason: `required member is missing (${expected})` });
    return;
  }
  if (!ok(d[key])) out.push({ pointer: `/detail/${key}`, reason: `must be ${expected}` });
}

const isString = (v: unknown): boolean => typeof v === 'string';

function detailProblems(action: string, d: JsonObject): Problem[] {
  const out: Problem[] = [];
  if (action.startsWith('ENTITY_') || action === 'CUSTOM_ATTRIBUTE_UPDATE') {
    need(d, 'attributes', isObject, 'an object', false, out);
    need(
      d,
      'labels',
      (v) => v === null || (Array.isArray(v) && v.every(isString)),
      'an array of strings or null',
      false,
      out,
    );
    need(
      d,
      'classifications',
      (v) => Array.isArray(v) && v.every((c) => isObject(c) && typeof c.typeName === 'string'),
      'an array of objects, each with a string typeName',
      false,
      out,
    );
    need(d, 'guid', isString, 'a string', false, out);
    need(d, 'typeName', isString, 'a string', false, out);
  } else if (action.includes('CLASSIFICATION_')) {
    need(d, 'typeName', isString, 'a string: the tag name', true, out);
    need(d, 'entityGuid', isString, 'a string', false, out);
  } else if (action === 'LABEL_ADD' || action === 'LABEL_DELETE') {
    need(d, 'labels', isString, 'a string of labels separated by spaces', true, out);
  } else if (action === 'TERM_ADD' || action === 'TERM_DELETE') {
    need(d, 'guid', isString, 'a string', true, out);
    need(d, 'name', isString, 'a string', false, out);
    need(d, 'qualifiedName', isString, 'a string', false, out);
  }
  return out;
}

export function toAtlanRecord(raw: JsonObject): { record: AtlanRecord; problems: Problem[] } {
  const action = LEGACY_ACTIONS[raw.action as string] ?? (raw.action as string);
  const detail = isObject(raw.detail) ? raw.detail : null;
  const problems: Problem[] = [];
  if (detail) {
    if (Buffer.byteLength(JSON.stringify(detail)) > MAX_DETAIL_BYTES) {
      problems.push({
        pointer: '/detail',
        reason: `must be at most ${MAX_DETAIL_BYTES} bytes as compact JSON`,
      });
    } else {
      problems.push(...detailProblems(action, detail));
    }
  }
  const entityId = raw.entityId as string;
  const timestamp = raw.timestamp as number;
  const eventKey =
    typeof raw.eventKey === 'string' && raw.eventKey !== ''
      ? raw.eventKey
      : `${entityId}:${timestamp}`;
  const qn = raw.entityQualifiedName;
  const record: AtlanRecord = {
    entityId,
    action,
    typeName: raw.typeName as string,
    entityQualifiedName: typeof qn === 'string' && qn !== '' ? qn : null,
    user: raw.user as string,
    timestamp,
    created: raw.created as number,
    eventKey,
    detail,
    headers: isObject(raw.headers) ? (raw.headers as Record<string, string>) : null,
  };
  return { record, problems };
}
