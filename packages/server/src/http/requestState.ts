/** Per-request facts gathered by the pipeline, kept on res.locals for the recorder, logs and errors. */
import type { Response } from 'express';
import type { Principal } from '@audit-gateway/ir';
import type { Route } from '../app/types';

export interface RequestState {
  readonly requestId: string;
  readonly startedAt: bigint;
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  route?: Route;
  params?: Record<string, string>;
  principal?: Principal;
  body?: Buffer;
}

export function requestState(res: Response): RequestState {
  const state = (res.locals as { state?: RequestState }).state;
  if (!state) throw new Error('requestState: the request-id middleware did not run');
  return state;
}

export function initRequestState(res: Response, init: RequestState): RequestState {
  (res.locals as { state?: RequestState }).state = init;
  return init;
}
