/**
 * The errors this surface raises, with Atlas's own codes and exact texts
 * (spec/atlas-admin-audits.md §2.6). Parse-stage problems carry no native code and render as
 * `{"error": …}`; semantic ones carry the Atlas code and render as `{errorCode, errorMessage}`.
 */
import { AuditError } from '@audit-gateway/ir';

/** Step 6 of §2.5: the body's shape is wrong. `path` is the JSON path of the bad value. */
export function parseError(path: string, problem: string): AuditError {
  return new AuditError('AQ100', `${path}: ${problem}`);
}

/** ATLAS-400-00-01A, "invalid parameters: <detail>". */
export function invalidParameters(detail: string): AuditError {
  return new AuditError('AQ100', `invalid parameters: ${detail}`, {
    native: { code: 'ATLAS-400-00-01A', message: `invalid parameters: ${detail}` },
  });
}

export function parametersNotSpecified(): AuditError {
  return invalidParameters('Audit Search Parameters not specified');
}

/** ATLAS-400-00-023: an unknown attribute name or sortBy value. */
export function attributeNotFound(name: string): AuditError {
  const message = `Attribute ${name} not found for type Atlas Audit Entry`;
  return new AuditError('AQ110', message, {
    native: { code: 'ATLAS-400-00-023', message },
  });
}

/** ATLAS-400-00-103: unknown, missing, unsupported or misapplied operator. */
export function invalidOperator(attributeName: string): AuditError {
  const message = `Invalid operator specified for attribute: ${attributeName}`;
  return new AuditError('AQ101', message, {
    native: { code: 'ATLAS-400-00-103', message },
  });
}

/** ATLAS-404-00-005: E2/E3 path GUID unknown to the caller (unknown, hidden or foreign alike). */
export function instanceNotFound(guid: string): AuditError {
  const message = `Given instance guid ${guid} is invalid/not found`;
  return new AuditError('AQ404', message, {
    native: { code: 'ATLAS-404-00-005', message, status: 404 },
  });
}
