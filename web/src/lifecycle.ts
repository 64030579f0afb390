/**
 * A page's lifetime: workers, timers and listeners a page starts register how to end them here,
 * and the router ends them all when the learner leaves the page, so nothing keeps running on a
 * page that is gone.
 */
const disposers: Array<() => void> = [];

/** Run `fn` when the learner leaves the current page. Returns `fn`. */
export function onLeave(fn: () => void): () => void {
  disposers.push(fn);
  return fn;
}

/** End everything the current page started (the router calls this before each page). */
export function leavePage(): void {
  newPage();
  for (const fn of disposers.splice(0)) {
    try {
      fn();
    } catch (e) {
      console.error(e);
    }
  }
}

/** A `setInterval` that ends with the page. */
export function pageInterval(fn: () => void, ms: number): () => void {
  const id = setInterval(fn, ms);
  const stop = (): void => clearInterval(id);
  onLeave(stop);
  return stop;
}

let shown: () => void = () => {};
let firstOutput = new Promise<void>((r) => (shown = r));

/** The page's first code cell printed its output (or failed): heavier extras may load now. */
export function outputShown(): void {
  shown();
}

/**
 * Resolves once the page's first output is shown, or after `ms`: live figures wait for it, so on
 * a slow network they do not compete with the code cell for bandwidth.
 */
export function afterFirstOutput(ms = 2500): Promise<void> {
  const mine = firstOutput;
  return Promise.race([mine, new Promise<void>((r) => setTimeout(r, ms))]);
}

/** A new page: its first output is still to come. */
export function newPage(): void {
  firstOutput = new Promise<void>((r) => (shown = r));
}

/** Run `fn` once the page has painted its next frame (unless the learner has left the page). */
export function afterPaint(fn: () => void): void {
  let left = false;
  onLeave(() => (left = true));
  requestAnimationFrame(() => setTimeout(() => left || fn(), 0));
}
