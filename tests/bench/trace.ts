/**
 * Main-thread tasks of a page from a Chromium trace (CDP `Tracing`): what the page's `longtask`
 * observer would list if Chromium reported content-script work to it (it does not). Used by
 * `npm run bench:page`.
 *
 * A task is a top-level `ThreadControllerImpl::RunTask` on the renderer main thread of the page
 * (found as the thread where the content script's code ran). Tasks with a `FunctionCall`,
 * `EvaluateScript` or `v8.compile` event of the content script are marked as its own; a promise
 * continuation after a message answer has no such event, so on a page that runs no script of
 * its own (the bench's pages) every task after the page settled counts.
 */
import type { Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, any>;
}

export interface Task {
  /** Start and length in the page's clock (`performance.now()` of the page traced), ms. */
  start: number;
  duration: number;
  /** Whether a call into the content script, or its loading, is traced in it. */
  script: boolean;
  /** Time in the content script's own calls within the task (outermost calls only), ms. */
  scriptMs: number;
}

/** Few categories: a trace with the V8 sampler on slowed the extension's recognizer 2×. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'];

/**
 * Starts tracing the browser (all processes) through `page`'s CDP session. `stop()` ends it and
 * returns the page's main-thread tasks that ran code from a script whose URL contains
 * `scriptUrl`, in the page's clock (the page must still be open). Throws if the trace is empty
 * or the script never ran.
 */
export async function startTrace(page: Page, scriptUrl: string): Promise<{ stop(): Promise<Task[]> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } } as never);
  return {
    async stop() {
      // A mark in the page ties its clock to the trace's.
      const markAt = await page.evaluate(() => {
        performance.mark('zwpz-trace-sync');
        return performance.getEntriesByName('zwpz-trace-sync').at(-1)!.startTime;
      });
      const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream } = await complete;
      if (!stream) throw new Error('the trace came back without a stream');
      const parts: string[] = [];
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream });
        parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      await cdp.detach();
      const raw = JSON.parse(parts.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
      return pageTasks(events, scriptUrl, markAt);
    },
  };
}

/**
 * The tasks of the thread that ran `scriptUrl` most, in the clock of the page that set the
 * `zwpz-trace-sync` mark at `markAt`. Throws if the script never ran or the mark is missing.
 */
export function pageTasks(events: TraceEvent[], scriptUrl: string, markAt: number): Task[] {
  const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const marked = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile']);
  const calls = events.filter((e) => marked.has(e.name) && String(e.args?.data?.url ?? '').includes(scriptUrl));
  const weight = new Map<string, number>();
  for (const e of calls) weight.set(key(e), (weight.get(key(e)) ?? 0) + 1);
  const main = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error(`no code of ${scriptUrl} ran during the trace`);
  const mark = events.find((e) => e.name === 'zwpz-trace-sync' && key(e) === main);
  if (!mark) throw new Error('the trace has no zwpz-trace-sync mark on the page\'s main thread');
  const toPage = (ts: number) => (ts - mark.ts) / 1000 + markAt;
  const ownEvents = calls.filter((c) => key(c) === main && c.ph === 'X').sort((a, b) => a.ts - b.ts);
  const ownCalls = calls.filter((c) => key(c) === main).map((c) => c.ts).sort((a, b) => a - b);
  /** Time of the outermost own calls within [from, to], µs. */
  const ownTime = (from: number, to: number): number => {
    let total = 0;
    let reached = from;
    let k = 0;
    let hi = ownEvents.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      if (ownEvents[mid]!.ts < from) k = mid + 1;
      else hi = mid;
    }
    for (; k < ownEvents.length && ownEvents[k]!.ts <= to; k++) {
      const c = ownEvents[k]!;
      if (c.ts < reached) continue;
      const end = Math.min(to, c.ts + (c.dur ?? 0));
      total += end - c.ts;
      reached = end;
    }
    return total;
  };
  return events
    .filter((e) => key(e) === main && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask')
    .sort((a, b) => a.ts - b.ts)
    .map((t) => {
      const end = t.ts + (t.dur ?? 0);
      // The first call at or after the task's start, by binary search.
      let lo = 0;
      let hi = ownCalls.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ownCalls[mid]! < t.ts) lo = mid + 1;
        else hi = mid;
      }
      const script = lo < ownCalls.length && ownCalls[lo]! <= end;
      return { start: toPage(t.ts), duration: (t.dur ?? 0) / 1000, script, scriptMs: script ? ownTime(t.ts, end) / 1000 : 0 };
    });
}
