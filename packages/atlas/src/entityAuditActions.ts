/**
 * The 19 entity audit actions of Apache Atlas (EntityAuditEventV2.EntityAuditActionV2) and the
 * prefix Atlas writes before each event's payload in `details` (EntityAuditListenerV2;
 * spec/atlas-admin-audits.md §8.1, §8.4). Payload `json` is the compact detail JSON; `typeName` and
 * `labels` are plain text taken from the detail, as Atlas writes them.
 */
export type DetailsPayload = 'json' | 'typeName' | 'labels';

export const ENTITY_AUDIT_ACTIONS: ReadonlyMap<string, readonly [string, DetailsPayload]> = new Map<
  string,
  readonly [string, DetailsPayload]
>([
  ['ENTITY_CREATE', ['Created: ', 'json']],
  ['ENTITY_UPDATE', ['Updated: ', 'json']],
  ['ENTITY_DELETE', ['Deleted: ', 'json']],
  ['ENTITY_IMPORT_CREATE', ['Created by import: ', 'json']],
  ['ENTITY_IMPORT_UPDATE', ['Updated by import: ', 'json']],
  ['ENTITY_IMPORT_DELETE', ['Deleted by import: ', 'json']],
  ['CLASSIFICATION_ADD', ['Added classification: ', 'json']],
  ['CLASSIFICATION_DELETE', ['Deleted classification: ', 'typeName']],
  ['CLASSIFICATION_UPDATE', ['Updated classification: ', 'json']],
  ['PROPAGATED_CLASSIFICATION_ADD', ['Added propagated classification: ', 'json']],
  ['PROPAGATED_CLASSIFICATION_DELETE', ['Deleted propagated classification: ', 'typeName']],
  ['PROPAGATED_CLASSIFICATION_UPDATE', ['Updated propagated classification: ', 'json']],
  ['TERM_ADD', ['Added term: ', 'json']],
  ['TERM_DELETE', ['Deleted term: ', 'json']],
  ['LABEL_ADD', ['Added labels: ', 'labels']],
  ['LABEL_DELETE', ['Deleted labels: ', 'labels']],
  ['ENTITY_PURGE', ['Purged: ', 'json']],
  ['BUSINESS_ATTRIBUTE_UPDATE', ['Updated business attributes: ', 'json']],
  ['CUSTOM_ATTRIBUTE_UPDATE', ['Updated custom attribute: ', 'json']],
]);
