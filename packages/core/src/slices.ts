/**
 * First renders in slices. A step of a dozen fields, each with its own shadow root, rendered in
 * one go is a 100 ms task on a mid-range phone (Lighthouse's 4x slowdown), and the page answers
 * no tap while it runs. Kit elements note when rendering began in the current task; once it has
 * run for SLICE_MS, an element of a form not shown yet (a field, the rights disclosure) waits
 * for a later task to render for the first time; ck-pii-form, whose first render is that hidden form and its fourteen elements,
 * starts a task of its own once anything has rendered before it. Only first renders of what
 * nobody can see or reach yet wait: an update after a keystroke is never delayed.
 */
export const SLICE_MS = 8;

let sliceStart: number | undefined;
let nextSlice: Promise<void> | undefined;

/** Resolves in a later task: a message, not a timer (nested timers are clamped to 4 ms). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
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
