// Test/bench-only translator from the quadrature battery's integrand syntax ("x^2*exp(-x)",
// "pi/2", "inf") to JS closures. Recursive descent over a fixed grammar; it never evals text.
//   expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ;
//   unary := '-' unary | power ; power := atom ('^' unary)? ; atom := number | x | pi | inf | fn '(' expr ')' | '(' expr ')'
const FUNCS = { sin: Math.sin, cos: Math.cos, exp: Math.exp, log: Math.log, sqrt: Math.sqrt, abs: Math.abs };

function tokenize(src) {
  const re = /\s*(?:(\d+\.?\d*(?:e[+-]?\d+)?)|([A-Za-z_]\w*)|(\S))/gy;
  const out = [];
  let m;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'id', v: m[2] });
    else if (m[3] !== undefined) out.push({ t: 'op', v: m[3] });
  }
  return out;
}

/** Compile a battery expression in x to (x) => number. */
export function compileBatteryExpr(src) {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const eat = (v) => {
    const t = toks[i];
    if (!t || t.v !== v) throw new Error(`expected '${v}' in ${src}`);
    i++;
  };
  function expr() {
    let f = term();
    while (peek() && (peek().v === '+' || peek().v === '-')) {
      const op = toks[i++].v, g = f, h = term();
      f = op === '+' ? (x) => g(x) + h(x) : (x) => g(x) - h(x);
    }
    return f;
  }
  function term() {
    let f = unary();
    while (peek() && (peek().v === '*' || peek().v === '/')) {
      const op = toks[i++].v, g = f, h = unary();
      f = op === '*' ? (x) => g(x) * h(x) : (x) => g(x) / h(x);
    }
    return f;
  }
  function unary() {
    if (peek() && peek().v === '-') {
      i++;
      const g = unary();
      return (x) => -g(x);
    }
    return power();
  }
  function power() {
    const base = atom();
    if (peek() && peek().v === '^') {
      i++;
      const ex = unary();
      return (x) => base(x) ** ex(x);
    }
    return base;
  }
  function atom() {
    const t = toks[i++];
    if (!t) throw new Error(`unexpected end of ${src}`);
    if (t.t === 'num') return () => t.v;
    if (t.t === 'id') {
      if (t.v === 'x') return (x) => x;
      if (t.v === 'pi') return () => Math.PI;
      if (t.v === 'inf' || t.v === 'oo') return () => Infinity;
      const fn = FUNCS[t.v];
      if (!fn) throw new Error(`unknown name ${t.v} in ${src}`);
      eat('(');
      const g = expr();
      eat(')');
      return (x) => fn(g(x));
    }
    if (t.v === '(') {
      const g = expr();
      eat(')');
      return g;
    }
    throw new Error(`unexpected '${t.v}' in ${src}`);
  }
  const f = expr();
  if (i !== toks.length) throw new Error(`trailing input in ${src}`);
  return f;
}

/** A limit string ("0", "pi/2", "-inf") as a number. */
export function batteryLimit(src) {
  return compileBatteryExpr(src)(0);
}
