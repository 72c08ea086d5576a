import { PULL_STREAM_TYPE, PullResponse } from '../shared/protocol';
import { errorOf, parseAnswer, readJson, send, SyncError, type SyncConfig } from './http';

/** A streamed line longer than this is not a page the server would send (a page of 1000 records is ~0.5 MB). */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * The pages of a pull from `cursor` on, in order, as the server sends them: several to an answer when it
 * streams them (NDJSON, one page per line), one otherwise (servers from before streaming). Asks again from the
 * last page's cursor when an answer ends with more to come. Reading the next page is the caller's prefetch: the
 * server writes the following page while the caller applies this one. An error line, a cut connection or a line
 * that is not a page ends the pages with a SyncError; the pages before it are whole.
 */
export async function* pullPages(config: SyncConfig, cursor: number, limit: number, pagesPerAnswer: number): AsyncGenerator<PullResponse> {
  for (;;) {
    const res = await send(config, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=${limit}&compact=1&pages=${pagesPerAnswer}`);
    let last: PullResponse | null = null;
    if ((res.headers.get('content-type') ?? '').startsWith(PULL_STREAM_TYPE) && res.body) {
      for await (const line of lines(res.body)) {
        last = pageOf(line, res.status);
        yield last;
        if (!last.more || last.changes.length === 0) return;
      }
      if (!last) throw new SyncError('The sync server sent an empty answer to a pull.', res.status, 'bad_response');
    } else {
      last = parseAnswer(await readJson(res), PullResponse, res.status);
      yield last;
      if (!last.more || last.changes.length === 0) return;
    }
    cursor = last.cursor;
  }
}

function pageOf(line: string, status: number): PullResponse {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new SyncError(`The sync server sent an unreadable page (HTTP ${status}).`, status, 'bad_response');
  }
  if (json && typeof json === 'object' && 'error' in json) {
    const code = (json as { error?: { code?: unknown } }).error?.code;
    throw errorOf(json, code === 'unauthorized' ? 401 : code === 'rate_limited' ? 429 : 500);
  }
  return parseAnswer(json, PullResponse, status);
}

/** The lines of a text stream (the last one may lack its newline); a cut connection is a network error. */
export async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        throw new SyncError(`The connection to the sync server was cut during a pull (${e instanceof Error ? e.message : String(e)}).`, null, 'network');
      }
      if (chunk.done) break;
      const text = decoder.decode(chunk.value, { stream: true });
      let start = 0;
      let nl = text.indexOf('\n');
      while (nl >= 0) {
        const line = pending + text.slice(start, nl);
        pending = '';
        if (line.trim()) yield line;
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      pending += text.slice(start);
      if (pending.length > MAX_LINE_CHARS) throw new SyncError('The sync server sent a page too large to read.', 200, 'bad_response');
    }
    pending += decoder.decode();
    if (pending.trim()) yield pending;
  } finally {
    reader.cancel().catch(() => {});
  }
}
