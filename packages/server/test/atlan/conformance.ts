/** Shared set-up of the conformance test files (spec/atlan-auditsearch.md §10). */
import type { Express } from 'express';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp } from '../../test-support/testApp';
import { atlanClient, loadAtlanFixtures, NOW, type AtlanClient, type Auth } from './atlanFixture';

export function useAtlanFixture(options: { big?: boolean } = {}): AtlanClient {
  const db = useTestDatabase();
  let app: Express | undefined;
  let auth: Auth = {};
  beforeAll(async () => {
    auth = await loadAtlanFixtures(db(), options);
    app = createTestApp(db(), { clock: () => NOW }).app;
  });
  return atlanClient(
    () => {
      if (!app) throw new Error('no app outside a test');
      return app;
    },
    () => auth,
  );
}

/** "400 (ATLAS)": the DSL error shape with the fragment in errorMessage. */
export function expectAtlas400(
  res: { status: number; body: Record<string, unknown> },
  fragment = '',
) {
  expect(res.status).toBe(400);
  expect(res.body.errorCode).toBe('ATLAS-400-00-029');
  expect(typeof res.body.errorCause).toBe('string');
  expect(res.body.errorMessage).toEqual(expect.stringContaining(fragment));
}

/** "400 {error}": a body whose only key is `error`. */
export function expectBody400(res: { status: number; body: unknown }) {
  expect(res.status).toBe(400);
  expect(Object.keys(res.body as object)).toEqual(['error']);
}

export const DEFAULT_ORDER = [15, 14, 13, 12, 11, 10, 9, 8, 7, 5, 6, 4, 16, 3, 2, 1];
