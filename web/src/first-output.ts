/**
 * A lesson's starting code as run at build time (web/first-outputs.ts): the printed lines, and
 * its SVG figures, loaded on request (they are larger than the page itself).
 */
export interface FirstOutput {
  lines: { text: string; stream: 'out' | 'err' }[];
  figures(): Promise<string[]>;
}
