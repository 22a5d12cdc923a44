/**
 * The value rules of spec/credentials.md §1.2–§1.4, shared by the CLI and the management API. Every
 * problem is collected (both report all of them together), each with an RFC 6901 pointer into the
 * creation body; the CLI maps pointers onto its flags.
 */
import { ROLES, type Policy, type Role } from '@audit-gateway/ir';

export interface Problem {
  readonly pointer: string;
  readonly reason: string;
}

export const TENANT_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;
export const ENVIRONMENT_ID = /^[A-Za-z0-9_.-]{1,128}$/;
export const CREDENTIAL_NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;

type Out = Problem[];
const isString = (v: unknown): v is string => typeof v === 'string';

export function checkTenant(v: unknown, pointer: string, out: Out, allowSystem: boolean): void {
  if (!isString(v)) out.push({ pointer, reason: 'must be a string' });
  else if (allowSystem && v === '_system') return;
  else if (!TENANT_ID.test(v))
    out.push({
      pointer,
      reason: 'must match ^[a-z0-9][a-z0-9._-]{0,62}$ (ids starting with _ are reserved)',
    });
}

export function checkName(v: unknown, pointer: string, out: Out): void {
  if (!isString(v)) out.push({ pointer, reason: 'must be a string' });
  else if (!CREDENTIAL_NAME.test(v))
    out.push({ pointer, reason: 'must match ^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$' });
}

const ROLE_SET = new Set<string>(ROLES);

/** Valid roles are returned in the order of the role table (§1.1). */
export function checkRoles(v: unknown, pointer: string, out: Out): Role[] {
  if (!Array.isArray(v)) {
    out.push({ pointer, reason: 'must be an array of role names' });
    return [];
  }
  if (v.length < 1 || v.length > 5) out.push({ pointer, reason: 'must hold 1 to 5 roles' });
  const seen = new Set<string>();
  v.forEach((r: unknown, i) => {
    if (!isString(r) || !ROLE_SET.has(r))
      out.push({ pointer: `${pointer}/${i}`, reason: `must be one of ${ROLES.join(', ')}` });
    else if (seen.has(r)) out.push({ pointer: `${pointer}/${i}`, reason: 'is repeated' });
    else seen.add(r);
  });
  return ROLES.filter((r) => seen.has(r));
}

export function checkEnvironments(v: unknown, pointer: string, out: Out): string[] {
  if (!Array.isArray(v)) {
    out.push({ pointer, reason: 'must be an array of environment ids' });
    return [];
  }
  if (v.length > 100) out.push({ pointer, reason: 'must hold at most 100 environments' });
  const seen = new Set<string>();
  v.forEach((e: unknown, i) => {
    const at = `${pointer}/${i}`;
    if (!isString(e) || !ENVIRONMENT_ID.test(e))
      out.push({ pointer: at, reason: 'must match ^[A-Za-z0-9_.-]{1,128}$' });
    else if (e.startsWith('_') && e !== '_gateway')
      out.push({
        pointer: at,
        reason: 'ids starting with _ are reserved (only _gateway may be listed)',
      });
    else if (seen.has(e)) out.push({ pointer: at, reason: 'is repeated' });
    else seen.add(e);
  });
  return [...seen];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkStringList(v: unknown, pointer: string, maxLength: number, out: Out): void {
  if (!Array.isArray(v)) {
    out.push({ pointer, reason: 'must be an array of strings' });
    return;
  }
  if (v.length > 1000) out.push({ pointer, reason: 'must hold at most 1000 items' });
  v.forEach((s: unknown, i) => {
    if (!isString(s) || s.length < 1 || s.length > maxLength)
      out.push({
        pointer: `${pointer}/${i}`,
        reason: `must be a string of 1 to ${maxLength} characters`,
      });
  });
}

const RULE_CHECKS = new Map<string, (v: unknown, pointer: string, out: Out) => void>([
  ['typeNames', (v, p, out) => checkStringList(v, p, 255, out)],
  ['qualifiedNamePrefixes', (v, p, out) => checkStringList(v, p, 1024, out)],
  [
    'ownOnly',
    (v, p, out) =>
      void (typeof v !== 'boolean' && out.push({ pointer: p, reason: 'must be a boolean' })),
  ],
]);

function checkRules(v: unknown, pointer: string, out: Out): void {
  if (!isPlainObject(v)) {
    out.push({ pointer, reason: 'must be an object' });
    return;
  }
  for (const [key, value] of Object.entries(v)) {
    const check = RULE_CHECKS.get(key);
    const at = `${pointer}/${escapePointer(key)}`;
    if (!check)
      out.push({
        pointer: at,
        reason: `is not a policy rule; use ${[...RULE_CHECKS.keys()].join(', ')}`,
      });
    else check(value, at, out);
  }
}

/** §1.4: only `allow` and `detail`, each with only the three rules; anything else is invalid. */
export function checkPolicy(v: unknown, pointer: string, out: Out): Policy {
  if (!isPlainObject(v)) {
    out.push({ pointer, reason: 'must be an object' });
    return {};
  }
  for (const [key, value] of Object.entries(v)) {
    const at = `${pointer}/${escapePointer(key)}`;
    if (key === 'allow' || key === 'detail') checkRules(value, at, out);
    else out.push({ pointer: at, reason: 'is not a policy block; use allow, detail' });
  }
  return v;
}

export function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** RFC 6901 order is not lexical on numbers; sort by segments, numeric segments numerically. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const segments = (p: string) => p.split('/').slice(1);
  return [...problems].sort((a, b) => {
    const x = segments(a.pointer);
    const y = segments(b.pointer);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const s = x[i] as string;
      const t = y[i] as string;
      if (s === t) continue;
      const numeric = /^[0-9]+$/.test(s) && /^[0-9]+$/.test(t);
      if (numeric) return Number(s) - Number(t);
      return s < t ? -1 : 1;
    }
    return x.length - y.length;
  });
}
