/** Placeholder figure type until the plot layer lands: an object that can render itself to SVG. */
export interface Figure {
  toSVG(): string;
}
