/**
 * The one ajv instance of the ingest API (spec/ingest.md §5.1): every schema registered by `$id`,
 * `allErrors` so one 422 lists every problem, `verbose` so reasons can quote the schema's wording.
 */
import Ajv from 'ajv';
import { atlanRecordSchema } from './atlanRecordSchema';
import { atlasEntrySchema } from './atlasEntrySchema';
import { atomicEntrySchema } from './atomicEntrySchema';
import { entityHeaderSchema } from './entityHeaderSchema';
import { typedefSchema } from './typedefSchema';

export const INGEST_SCHEMAS = [
  atlanRecordSchema,
  atlasEntrySchema,
  atomicEntrySchema,
  typedefSchema,
  entityHeaderSchema,
] as const;

export type IngestSchemaId = (typeof INGEST_SCHEMAS)[number]['$id'];

const ajv = new Ajv({ allErrors: true, jsonPointers: true, verbose: true });
for (const s of INGEST_SCHEMAS) ajv.addSchema(s);

export interface SchemaError {
  readonly keyword: string;
  readonly dataPath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly parentSchema?: Readonly<Record<string, unknown>>;
  readonly data?: unknown;
  readonly message?: string;
}

/** Validates one value; returns ajv's errors ([] when valid). */
export function validateSchema(id: IngestSchemaId, value: unknown): readonly SchemaError[] {
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`ingest schema ${id} is not registered`);
  return validate(value) ? [] : ((validate.errors ?? []) as unknown as SchemaError[]);
}
