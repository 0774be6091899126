/**
 * First renders in slices. A step of a dozen fields, each with its own shadow root, rendered in
 * one go is a 100 ms task on a mid-range phone (Lighthouse's 4x slowdown), and the page answers
 * no tap while it runs. Kit elements note when rendering began in the current task; once it has
 * run for SLICE_MS, an element of a form not shown yet (a field, the rights disclosure) waits
 * for a later task to render for the first time. ck-pii-form, whose first render is that hidden
 * form and its fourteen elements, and ck-apply-flow start a task of their own once anything has
 * rendered before them. Only first renders wait: an update after a keystroke is never delayed.
 */

/**
 * Measured in the device's own time: 4 ms on a fast laptop and on a 4x slower phone alike, so a
 * slice is 4 ms plus the last field it started (a field's first render is 0.1 to 1 ms here, so up
 * to about 4 on such a phone). Lighthouse instead multiplies an unthrottled trace by 4: 8 ms plus
 * overshoot came to within jitter of its 50 ms line; 4 leaves room.
 */
export const SLICE_MS = 4;

let sliceStart: number | undefined;
let nextSlice: Promise<void> | undefined;

/** One channel for the page: a new one per wait (ports, their pipe) cost more than the wait. */
let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

/** Resolves in a later task: a message, not a timer (nested timers are clamped to 4 ms). */
function nextTask(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      for (const resolve of waiting.splice(0)) resolve();
    };
  }
  return new Promise((resolve) => {
    // Whoever waits while a message is on its way is woken by that one.
    if (waiting.push(resolve) === 1) channel!.port2.postMessage(null);
  });
}

/** Notes kit rendering in this task, and says whether it has rendered for more than `budget` ms. */
export function sliceSpent(budget: number): boolean {
  const now = performance.now();
  if (sliceStart === undefined) {
    const start = now;
    sliceStart = start;
    void nextTask().then(() => {
      if (sliceStart === start) sliceStart = undefined;
    });
  }
  return now - sliceStart > budget;
}

/**
 * Runs `render` in a task that has rendered for no more than `budget` ms. The check and the
 * render are one step, so each of many waiting renders sees the time the ones before it took.
 */
export async function renderInSlice(render: () => void, budget: number): Promise<void> {
  while (sliceSpent(budget)) {
    nextSlice ??= nextTask().then(() => {
      nextSlice = undefined;
      sliceStart = undefined;
    });
    await nextSlice;
  }
  render();
}

// The kit's script evaluating (classes, styles) is kit work of its task too: an element whose
// first render starts a task of its own once anything ran before it (ck-apply-flow's "Loading…")
// renders in the next task rather than lengthening the page's longest kit task.
sliceSpent(Infinity);
