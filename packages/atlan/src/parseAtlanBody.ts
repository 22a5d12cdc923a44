/**
 * Body-level validation (spec §1.3): a JSON object with at most `dsl`, `attributes` and
 * `suppressLogs`, each of exactly its JSON type. Runs before the role check (§1.4 step 2b), so the
 * route calls it from `checkBeforeRole` and the handler again on the same value.
 */
import type { RequestBody } from '@audit-gateway/ir';
import { bodyError } from './atlanErrors';
import { isObject, tokenName, type JsonObject } from './dsl/jsonValues';

export interface AtlanBody {
  readonly dsl: JsonObject;
  readonly attributes: readonly string[];
}

const KEYS = ['dsl', 'attributes', 'suppressLogs'];

export function parseAtlanBody(body: RequestBody): AtlanBody {
  if (body.kind !== 'json')
    throw bodyError('The request body is empty; send a JSON object such as {"dsl":{}}');
  const value = body.value;
  if (value === null)
    throw bodyError('The request body is null; send a JSON object such as {"dsl":{}}');
  if (!isObject(value)) {
    throw bodyError(`The request body must be a JSON object, found ${tokenName(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) {
      throw bodyError(
        `Unrecognized field "${key}": the body accepts only dsl, attributes and suppressLogs`,
      );
    }
  }
  const { dsl, attributes, suppressLogs } = value;
  if (dsl !== undefined && dsl !== null && !isObject(dsl)) {
    throw bodyError(`"dsl" must be a JSON object, found ${tokenName(dsl)}`);
  }
  if (attributes !== undefined && attributes !== null) {
    if (!Array.isArray(attributes)) {
      throw bodyError(`"attributes" must be an array of strings, found ${tokenName(attributes)}`);
    }
    const bad = attributes.findIndex((a) => typeof a !== 'string');
    if (bad >= 0) {
      throw bodyError(`"attributes[${bad}]" must be a string, found ${tokenName(attributes[bad])}`);
    }
  }
  if (suppressLogs !== undefined && suppressLogs !== null && typeof suppressLogs !== 'boolean') {
    throw bodyError(`"suppressLogs" must be a boolean, found ${tokenName(suppressLogs)}`);
  }
  return {
    dsl: isObject(dsl) ? dsl : {},
    attributes: Array.isArray(attributes) ? (attributes as string[]) : [],
  };
}
