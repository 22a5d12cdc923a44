/** What `audit-gateway import` was asked to do (spec/ingest.md §9), already checked. */
import { AuditError } from '@audit-gateway/ir';

export type ImportFormat = 'atlan' | 'atlas' | 'atomic';

export interface ResumePoint {
  readonly file: string;
  readonly offset: number;
}

export interface ImportOptions {
  readonly files: readonly string[];
  readonly format: ImportFormat;
  readonly tenant: string;
  /** Atomic only: the environments records may use */
  readonly environments: readonly string[];
  readonly resume?: ResumePoint;
  /** records per transaction; 1,000 (§9.3) */
  readonly batchSize: number;
}

const TENANT = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const ENVIRONMENT = /^[A-Za-z0-9_.-]{1,128}$/;

/** Checks made before any record is read (§9.2); throws AuditError AQ100 naming the problem. */
export function checkImportOptions(raw: {
  files: readonly string[];
  format: string | undefined;
  tenant: string | undefined;
  environment: readonly string[] | undefined;
  resume: string | undefined;
}): ImportOptions {
  const bad = (message: string) => new AuditError('AQ100', message);
  const format = raw.format;
  if (format !== 'atlan' && format !== 'atlas' && format !== 'atomic') {
    throw bad('--format must be atlan, atlas or atomic');
  }
  if (raw.files.length === 0) throw bad('name at least one FILE (or - for standard input)');
  const tenant = raw.tenant ?? 'default';
  if (!TENANT.test(tenant)) {
    throw bad(
      `--tenant ${JSON.stringify(tenant)} is not a tenant id (^[a-z0-9][a-z0-9._-]{0,62}$); names starting with _ are reserved`,
    );
  }
  const environments = raw.environment ?? [];
  if (format === 'atomic' && environments.length === 0) {
    throw bad('--format atomic needs at least one --environment E');
  }
  if (format !== 'atomic' && environments.length > 0) {
    throw bad('--environment applies only to --format atomic');
  }
  for (const e of environments) {
    if (!ENVIRONMENT.test(e) || e.startsWith('_')) {
      throw bad(`--environment ${JSON.stringify(e)} is not a usable environment id`);
    }
  }
  let resume: ResumePoint | undefined;
  if (raw.resume !== undefined) {
    const at = raw.resume.lastIndexOf(':');
    const file = raw.resume.slice(0, at);
    const offset = Number(raw.resume.slice(at + 1));
    if (at <= 0 || !Number.isSafeInteger(offset) || offset < 0) {
      throw bad('--resume takes FILE:OFFSET, as printed by an interrupted import');
    }
    if (!raw.files.includes(file))
      throw bad(`--resume names ${file}, which is not among the FILEs`);
    if (file === '-') throw bad('standard input cannot be resumed');
    resume = { file, offset };
  }
  return {
    files: raw.files,
    format,
    tenant,
    environments,
    ...(resume ? { resume } : {}),
    batchSize: 1000,
  };
}
