/**
 * A small numeric expression reader for checking typed answers: `3x^2 - 4x`, `x*(3x-4)`,
 * `2 sqrt(2)`, `(2, 2)`. It builds a tree of closures (never eval) and is used next to the CAS:
 * answers are compared by evaluating both at random points, which works for any answer the
 * learner can type even where symbolic simplification cannot decide.
 */

export type Fn = (env: Record<string, number>) => number;

/** Known functions of one argument. */
const FUNCS: Record<string, (x: number) => number> = {
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, exp: Math.exp, log: Math.log, ln: Math.log,
  sqrt: Math.sqrt, abs: Math.abs, sec: (x) => 1 / Math.cos(x), csc: (x) => 1 / Math.sin(x), cot: (x) => 1 / Math.tan(x),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)), sigma: (x) => 1 / (1 + Math.exp(-x)), σ: (x) => 1 / (1 + Math.exp(-x)),
};
const CONSTS: Record<string, number> = { pi: Math.PI, π: Math.PI, e: Math.E, E: Math.E };

export class AnswerSyntaxError extends Error {}

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

/** Normalise what people type: unicode operators and powers, `**`. */
export function normalizeAnswer(s: string): string {
  const sup: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  return s
    .replace(/[−–]/g, '-')
    .replace(/[·×⋅∗]/g, '*')
    .replace(/÷/g, '/')
    .replace(/\*\*/g, '^')
    .replace(/√/g, 'sqrt')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => '^' + [...m].map((c) => sup[c]).join(''))
    .replace(/^\s*[a-zA-Z]\w*\s*(\([^)]*\))?\s*=\s*/, '') // "f'(x) = …" or "y = …"
    .replace(/^\s*\w+'+\s*(\([^)]*\))?\s*=\s*/, '');
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) { out.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const id = /^[A-Za-zπσ_]\w*/.exec(src.slice(i));
    if (id) {
      let name = id[0];
      // `xy` is x·y unless it is a known name; split into single letters otherwise.
      if (!(name in FUNCS) && !(name in CONSTS) && name.length > 1 && !/\d|_/.test(name)) {
        // split known function prefixes like `xsin` = x·sin
        const pieces: string[] = [];
        let rest = name;
        while (rest.length) {
          const f = Object.keys(FUNCS).concat(Object.keys(CONSTS)).filter((k) => k.length > 1 && rest.startsWith(k)).sort((a, b) => b.length - a.length)[0];
          const take = f ?? rest[0]!;
          pieces.push(take);
          rest = rest.slice(take.length);
        }
        for (const p of pieces) out.push({ t: 'id', v: p });
      } else out.push({ t: 'id', v: name });
      i += name.length;
      continue;
    }
    if ('+-*/^(),[]'.includes(c)) { out.push({ t: 'op', v: c }); i++; continue; }
    throw new AnswerSyntaxError(`unexpected '${c}' at position ${i + 1}`);
  }
  // Implicit multiplication: 3x, 2(x+1), (a)(b), x y, 2 sqrt(2).
  const res: Tok[] = [];
  for (const tok of out) {
    const prev = res[res.length - 1];
    const prevEnds = prev && (prev.t === 'num' || (prev.t === 'id' && !(prev.v in FUNCS)) || (prev.t === 'op' && (prev.v === ')' || prev.v === ']')));
    const curStarts = tok.t === 'num' || tok.t === 'id' || (tok.t === 'op' && tok.v === '(');
    if (prevEnds && curStarts) res.push({ t: 'op', v: '*' });
    res.push(tok);
  }
  return res;
}

/** A parsed answer: one or more components (a tuple `(a, b)` has two). */
export interface ParsedAnswer {
  parts: Fn[];
  variables: Set<string>;
}

/**
 * Read an answer. Throws AnswerSyntaxError with a readable message on bad input.
 * @example parseAnswer('x*(3x-4)').parts[0]({ x: 2 }) // 4
 */
export function parseAnswer(text: string): ParsedAnswer {
  const src = normalizeAnswer(text);
  if (src.length > 2000) throw new AnswerSyntaxError('answer too long');
  if (!src.trim()) throw new AnswerSyntaxError('type an answer first');
  const toks = tokenize(src);
  const variables = new Set<string>();
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v;
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new AnswerSyntaxError(`expected '${v}'${peek() ? '' : ' before the end'}`);
    p++;
  };
  let depth = 0;
  function expr(): Fn {
    if (++depth > 200) throw new AnswerSyntaxError('answer nested too deeply');
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = toks[p++]!.v;
      const l = left, r = term();
      left = op === '+' ? (e) => l(e) + r(e) : (e) => l(e) - r(e);
    }
    depth--;
    return left;
  }
  function term(): Fn {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = toks[p++]!.v;
      const l = left, r = unary();
      left = op === '*' ? (e) => l(e) * r(e) : (e) => l(e) / r(e);
    }
    return left;
  }
  function unary(): Fn {
    if (isOp('-')) { p++; const u = unary(); return (e) => -u(e); }
    if (isOp('+')) { p++; return unary(); }
    return power();
  }
  function power(): Fn {
    const base = atom();
    if (isOp('^')) {
      p++;
      const ex = unary(); // right-associative, and 2^-1 works
      return (e) => Math.pow(base(e), ex(e));
    }
    return base;
  }
  function atom(): Fn {
    const tok = peek();
    if (!tok) throw new AnswerSyntaxError('the answer ends too early');
    p++;
    if (tok.t === 'num') { const v = tok.v; return () => v; }
    if (tok.t === 'id') {
      const f = FUNCS[tok.v];
      if (f) {
        if (isOp('(')) { p++; const a = expr(); expectOp(')'); return (e) => f(a(e)); }
        const a = power();
        return (e) => f(a(e));
      }
      const name = tok.v;
      if (name in CONSTS) { const v = CONSTS[name]!; return (e) => (name in e ? e[name]! : v); }
      variables.add(name);
      return (e) => {
        const v = e[name];
        if (v === undefined) throw new AnswerSyntaxError(`unknown name '${name}'`);
        return v;
      };
    }
    if (tok.v === '(' || tok.v === '[') {
      const inner = expr();
      expectOp(tok.v === '(' ? ')' : ']');
      return inner;
    }
    throw new AnswerSyntaxError(`unexpected '${tok.v}'`);
  }
  // A bracket group with a top-level comma is a tuple; tuples nest ([[a, b], [c, d]]) and are
  // flattened into components, so vectors and matrices compare entry by entry.
  function groupHasComma(start: number): boolean {
    let d = 0;
    for (let k = start; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.t !== 'op') continue;
      if (t.v === '(' || t.v === '[') d++;
      else if (t.v === ')' || t.v === ']') {
        d--;
        if (d === 0) return false;
      } else if (t.v === ',' && d === 1) return true;
    }
    return false;
  }
  function item(out: Fn[]): void {
    if ((isOp('(') || isOp('[')) && groupHasComma(p)) {
      const open = toks[p++]!.v;
      item(out);
      while (isOp(',')) {
        p++;
        item(out);
      }
      expectOp(open === '(' ? ')' : ']');
      return;
    }
    out.push(expr());
  }
  const parts: Fn[] = [];
  item(parts);
  while (isOp(',')) {
    p++;
    item(parts);
  }
  if (p < toks.length) throw new AnswerSyntaxError(`unexpected '${String(toks[p]!.v)}'`);
  return { parts, variables };
}
