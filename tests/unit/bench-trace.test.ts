import { describe, expect, it } from 'vitest';
import { pageTasks, type TraceEvent } from '../bench/trace';

const SCRIPT = 'chrome-extension://abc/content-scripts/content.js';

/** A trace of two renderers: the page's (pid 1) ran the content script, the offscreen's (pid 2) did not. */
function trace(): TraceEvent[] {
  const task = (pid: number, ts: number, dur: number): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, pid, tid: 10 });
  return [
    task(1, 1_000_000, 20_000),
    { name: 'EvaluateScript', ph: 'X', ts: 1_001_000, dur: 15_000, pid: 1, tid: 10, args: { data: { url: SCRIPT } } },
    task(1, 1_100_000, 60_000),
    { name: 'FunctionCall', ph: 'X', ts: 1_100_500, dur: 50_000, pid: 1, tid: 10, args: { data: { url: SCRIPT } } },
    // Nested in the call above: not counted twice.
    { name: 'FunctionCall', ph: 'X', ts: 1_101_000, dur: 10_000, pid: 1, tid: 10, args: { data: { url: SCRIPT } } },
    task(1, 1_200_000, 70_000), // a paint after the script's work: no call traced in it
    task(2, 1_100_000, 400_000), // the other renderer's long task
    { name: 'FunctionCall', ph: 'X', ts: 1_100_000, dur: 1000, pid: 2, tid: 10, args: { data: { url: 'chrome-extension://abc/offscreen.js' } } },
    { name: 'zwpz-trace-sync', ph: 'R', ts: 2_000_000, pid: 1, tid: 10 },
  ];
}

describe('bench trace: the page main thread tasks', () => {
  it("finds the page's thread by the content script and puts its tasks in the page's clock", () => {
    // The mark was at 5,000 ms in the page: 2,000,000 µs in the trace.
    const tasks = pageTasks(trace(), SCRIPT, 5000);
    expect(tasks).toEqual([
      { start: 4000, duration: 20, script: true, scriptMs: 15 },
      { start: 4100, duration: 60, script: true, scriptMs: 50 },
      { start: 4200, duration: 70, script: false, scriptMs: 0 },
    ]);
  });

  it('throws when the script never ran or the clocks cannot be tied', () => {
    expect(() => pageTasks(trace(), 'chrome-extension://abc/other.js', 0)).toThrow(/no code of/);
    expect(() => pageTasks(trace().filter((e) => e.name !== 'zwpz-trace-sync'), SCRIPT, 0)).toThrow(/zwpz-trace-sync/);
  });
});
