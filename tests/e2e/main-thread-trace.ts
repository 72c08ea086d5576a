import type { CDPSession, Page } from '@playwright/test';

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: Record<string, unknown> };

/**
 * A Chrome trace of the page's main thread, to tell a task that used the CPU for over 50 ms from one that only took
 * that long because the machine was busy (the longtask API measures wall time: on a loaded 2-core machine a 15 ms
 * task can last 100 ms). `cpuMsAt(start, duration)` gives the thread time of the task a longtask entry reports.
 */
export async function traceMainThread(
  page: Page,
): Promise<{ stop(): Promise<{ cpuMsAt(start: number, duration: number): number | null; cpuLongTasks(): { start: number; cpu: number }[] }> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const v of e.value as unknown as TraceEvent[]) if (/RunTask$/.test(v.name) || v.name === 'carnet-trace-sync') events.push(v);
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const markAt = await page.evaluate(() => performance.mark('carnet-trace-sync').startTime);
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      const mark = events.find((e) => e.name === 'carnet-trace-sync');
      if (!mark) throw new Error('no sync mark in the trace');
      const main = events.filter((e) => e.name !== mark.name && e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X');
      // trace µs → performance.now() ms
      const offset = mark.ts / 1000 - markAt;
      return {
        cpuMsAt(start: number, duration: number) {
          // The task overlapping most of the long task's window (trace µs → performance.now() ms).
          const from = start + offset;
          const to = from + duration;
          let best: TraceEvent | null = null;
          let bestOverlap = 0;
          for (const e of main) {
            const overlap = Math.min(to, (e.ts + (e.dur ?? 0)) / 1000) - Math.max(from, e.ts / 1000);
            if (overlap > bestOverlap) [best, bestOverlap] = [e, overlap];
          }
          return best && bestOverlap >= duration / 2 && best.tdur !== undefined ? best.tdur / 1000 : null;
        },
        /** Tasks over 50 ms of thread time: their start (performance.now() ms) and CPU ms. */
        cpuLongTasks: () => main.filter((e) => (e.tdur ?? 0) > 50_000).map((e) => ({ start: e.ts / 1000 - offset, cpu: e.tdur! / 1000 })),
      };
    },
  };
}
