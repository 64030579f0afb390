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
