/** Request helpers for the Atlas conformance tests (spec/atlas-admin-audits.md §12.2 notation). */
import type { Express } from 'express';
import request from 'supertest';
import { entryId } from './atlasFixture';

export const leaf = (attributeName: string, operator: string | null, attributeValue?: unknown) => ({
  attributeName,
  operator,
  ...(attributeValue === undefined ? {} : { attributeValue }),
});
export const AND = (...criterion: unknown[]) => ({ condition: 'AND', criterion });
export const OR = (...criterion: unknown[]) => ({ condition: 'OR', criterion });
export const ALL = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'];

export interface PostOptions {
  readonly auth?: string;
  readonly path?: string;
  /** the raw body text; otherwise JSON of `body` */
  readonly raw?: string;
  /** the Content-Type; null sends none */
  readonly type?: string | null;
}

export function atlasClient(app: () => Express, defaultAuth: () => string) {
  const post = (body: unknown, o: PostOptions = {}) => {
    let r = request(app()).post(o.path ?? '/api/atlas/admin/audits');
    const auth = o.auth ?? defaultAuth();
    if (auth !== '') r = r.set('Authorization', auth);
    const text = o.raw ?? JSON.stringify(body);
    if (o.type !== null) r = r.set('Content-Type', o.type ?? 'application/json');
    return r.send(text);
  };
  /** 200 and the entries' spec names, in order. */
  const ids = async (body: unknown, o: PostOptions = {}): Promise<string[]> => {
    const res = await post(body, o);
    if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text}`);
    return (res.body as { guid: string }[]).map((e) => entryId(e.guid));
  };
  /** `{"auditFilters": F}` → entry names. */
  const filter = (f: unknown, o: PostOptions = {}) => ids({ auditFilters: f }, o);
  const get = (path: string, auth?: string) => {
    const a = auth ?? defaultAuth();
    const r = request(app()).get(path);
    return a === '' ? r : r.set('Authorization', a);
  };
  return { post, ids, filter, get };
}

export const atlasError = (errorCode: string, errorMessage: string) => ({
  errorCode,
  errorMessage,
});
export const e103 = (name: string) =>
  atlasError('ATLAS-400-00-103', `Invalid operator specified for attribute: ${name}`);
export const e023 = (name: string) =>
  atlasError('ATLAS-400-00-023', `Attribute ${name} not found for type Atlas Audit Entry`);
export const e01A = (detail: string) =>
  atlasError('ATLAS-400-00-01A', `invalid parameters: ${detail}`);

/** `400 {error}`: an object whose only key is a non-empty string `error`. */
export function expectFrameworkError(body: unknown): void {
  expect(Object.keys(body as object)).toEqual(['error']);
  expect(typeof (body as { error: unknown }).error).toBe('string');
  expect((body as { error: string }).error).not.toBe('');
}
