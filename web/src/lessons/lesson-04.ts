/** Lesson 04 page. */
import { para } from '../kit.js';

export function render(root: HTMLElement): void {
  root.append(para('Coming soon.'));
}
