/** One `@example` block: its code and the 1-based line of its first code line. */
export interface DocExample { code: string; line: number }
/** A doc comment split into its parts. */
export interface DocComment {
  summary: string;
  params: Array<{ name: string; text: string }>;
  returns: string;
  throws: string[];
  examples: DocExample[];
  see: string[];
  deprecated: string | undefined;
  tags: Array<{ tag: string; text: string }>;
}
/** The text of a doc comment without its delimiters and leading `*`s, as lines. */
export function commentLines(raw: string): string[];
/** Split a doc comment (from `/**` to its end) into summary, params, returns, throws, examples, other tags. */
export function parseDocComment(raw: string, firstLine?: number): DocComment;
/** The first sentence of a summary. */
export function firstSentence(summary: string): string;
/** Every doc comment of a source text with its 1-based line and the first line of code after it. */
export function docComments(source: string): Array<{ raw: string; line: number; next: string }>;
