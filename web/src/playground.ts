/** Playground page (filled in below). */
import { h } from './dom.js';
export function render(root: HTMLElement): void {
  root.replaceChildren(h('h1', {}, 'Playground'));
}
