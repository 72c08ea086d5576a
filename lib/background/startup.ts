/**
 * How long this service worker took to be useful after the browser started it (MV3 stops an idle worker after
 * 30 s and starts it again for the next message or alarm, so this is paid often): performance.now() counts from
 * the worker's start. Kept on the worker's global for `npm run bench` to read over the DevTools protocol; never sent.
 */
export interface StartupMarks {
  /** The background's set-up ran (every module evaluated, listeners added). */
  ready: number | null;
  /** The first message was answered. */
  firstReply: number | null;
}

export function startupMarks(scope: object = globalThis): StartupMarks & { replied<T>(reply: Promise<T>): Promise<T> } {
  const marks = {
    ready: null as number | null,
    firstReply: null as number | null,
    replied<T>(reply: Promise<T>): Promise<T> {
      if (marks.firstReply === null) void reply.finally(() => (marks.firstReply ??= performance.now())).catch(() => {});
      return reply;
    },
  };
  (scope as { __carnetStartup?: StartupMarks }).__carnetStartup = marks;
  return marks;
}
