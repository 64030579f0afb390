/** Figure layout for the space a figure has on the page (desktop: side by side; phone: stacked). */

/**
 * A figure's size for the space it has: `panels` side by side at `width` on a wide screen; on a
 * narrow one (a phone) the panels stack, each as wide as the screen, so text stays at its size
 * instead of being scaled down.
 * @example fitPanels(box.body, { width: 860, height: 320, panels: 2 }) // { width: 860, height: 320, rows: 1, cols: 2 } on a desktop
 */
export function fitPanels(host: HTMLElement, o: { width: number; height: number; panels: number }): { width: number; height: number; rows: number; cols: number } {
  // The exact width, rounded down: an SVG even a fraction wider than its box is scaled below its text size.
  const avail = Math.floor(host.getBoundingClientRect().width) || o.width;
  if (avail >= o.width * 0.8 || o.panels === 1) {
    const width = Math.min(o.width, Math.max(260, avail));
    orientCaption(host, false);
    return { width, height: o.panels === 1 ? Math.round((o.height * width) / o.width) : o.height, rows: 1, cols: o.panels };
  }
  const width = Math.max(260, Math.min(avail, 560));
  const each = Math.round(Math.min(o.height, width * 0.75));
  orientCaption(host, true);
  return { width, height: each * o.panels, rows: o.panels, cols: 1 };
}

/**
 * The caption of the figure around `host` says where each panel is: "Left: … Right: …" as
 * written, "Top: … Bottom: …" when the panels are stacked (a phone).
 */
function orientCaption(host: HTMLElement, stacked: boolean): void {
  const cap = host.closest('figure')?.querySelector('figcaption');
  if (!cap) return;
  cap.dataset.sideBySide ??= cap.textContent ?? '';
  const text = stacked
    ? cap.dataset.sideBySide.replace(/\bLeft:/g, 'Top:').replace(/\bRight:/g, 'Bottom:')
    : cap.dataset.sideBySide;
  if (cap.textContent !== text) cap.textContent = text;
}

/** Panel k of a fitted layout: (row, col). */
export function panel(l: { cols: number }, k: number): [number, number] {
  return [Math.floor(k / l.cols), k % l.cols];
}
