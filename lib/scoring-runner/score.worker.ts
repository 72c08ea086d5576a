/// <reference lib="webworker" />
/**
 * Dedicated worker: scores the portfolio (reading it from the extension's IndexedDB itself), or rescores a few
 * accounts, off the panel's UI thread.
 */
import { compute } from './compute';
import type { ScoreRequest, ScoreResponse } from './protocol';

self.onmessage = async (e: MessageEvent<ScoreRequest>) => {
  let msg: ScoreResponse;
  try {
    msg = { ok: true, result: await compute(e.data) };
  } catch (err) {
    msg = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(msg);
};
