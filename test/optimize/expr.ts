// Test-only translator of the reference files' expression syntax (x1..xn, + - * / ^, sin cos exp
// log sqrt, pi) into closures: a value function and an exact reverse-mode gradient over the
// parsed tree. Not part of the library (optimize takes plain callbacks only).

type Node =
  | { op: 'const'; v: number }
  | { op: 'var'; i: number }
  | { op: '+' | '-' | '*' | '/' | '^'; a: number; b: number }
  | { op: 'neg' | 'sin' | 'cos' | 'exp' | 'log' | 'sqrt'; a: number };

export interface Compiled {
  f: (x: ArrayLike<number>) => number;
  grad: (x: ArrayLike<number>) => Float64Array;
}

export function compile(src: string, n: number): Compiled {
  const tokens = src.match(/\d+\.?\d*(?:e[+-]?\d+)?|\.\d+|[A-Za-z_]\w*|[-+*/^()]/g) ?? [];
  let pos = 0;
  const nodes: Node[] = [];
  const push = (node: Node): number => nodes.push(node) - 1;
  const peek = (): string | undefined => tokens[pos];
  const expect = (t: string): void => {
    if (tokens[pos] !== t) throw new Error(`expected ${t} at token ${pos} in ${src}`);
    pos++;
  };
  const parseExpr = (): number => {
    let left = parseTerm();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[pos++] as '+' | '-';
      left = push({ op, a: left, b: parseTerm() });
    }
    return left;
  };
  const parseTerm = (): number => {
    let left = parseUnary();
    while (peek() === '*' || peek() === '/') {
      const op = tokens[pos++] as '*' | '/';
      left = push({ op, a: left, b: parseUnary() });
    }
    return left;
  };
  const parseUnary = (): number => {
    if (peek() === '-') {
      pos++;
      return push({ op: 'neg', a: parseUnary() });
    }
    if (peek() === '+') {
      pos++;
      return parseUnary();
    }
    return parsePow();
  };
  const parsePow = (): number => {
    const base = parseAtom();
    if (peek() === '^') {
      pos++;
      return push({ op: '^', a: base, b: parseUnary() });
    }
    return base;
  };
  const parseAtom = (): number => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error(`unexpected end in ${src}`);
    if (t === '(') {
      const e = parseExpr();
      expect(')');
      return e;
    }
    if (/^[\d.]/.test(t)) return push({ op: 'const', v: Number(t) });
    if (t === 'pi') return push({ op: 'const', v: Math.PI });
    const m = /^x(\d+)$/.exec(t);
    if (m) {
      const i = Number(m[1]) - 1;
      if (i < 0 || i >= n) throw new Error(`variable ${t} out of range in ${src}`);
      return push({ op: 'var', i });
    }
    if (['sin', 'cos', 'exp', 'log', 'sqrt'].includes(t)) {
      expect('(');
      const a = parseExpr();
      expect(')');
      return push({ op: t as 'sin', a });
    }
    throw new Error(`unknown token ${t} in ${src}`);
  };
  const root = parseExpr();
  if (pos !== tokens.length) throw new Error(`trailing input in ${src}`);
  const val = new Float64Array(nodes.length);
  const forward = (x: ArrayLike<number>): number => {
    for (let k = 0; k <= root; k++) {
      const nd = nodes[k]!;
      switch (nd.op) {
        case 'const': val[k] = nd.v; break;
        case 'var': val[k] = x[nd.i]!; break;
        case '+': val[k] = val[nd.a]! + val[nd.b]!; break;
        case '-': val[k] = val[nd.a]! - val[nd.b]!; break;
        case '*': val[k] = val[nd.a]! * val[nd.b]!; break;
        case '/': val[k] = val[nd.a]! / val[nd.b]!; break;
        case '^': {
          const e = val[nd.b]!;
          val[k] = Number.isInteger(e) && e >= 0 && e <= 8 ? ipow(val[nd.a]!, e) : Math.pow(val[nd.a]!, e);
          break;
        }
        case 'neg': val[k] = -val[nd.a]!; break;
        case 'sin': val[k] = Math.sin(val[nd.a]!); break;
        case 'cos': val[k] = Math.cos(val[nd.a]!); break;
        case 'exp': val[k] = Math.exp(val[nd.a]!); break;
        case 'log': val[k] = Math.log(val[nd.a]!); break;
        case 'sqrt': val[k] = Math.sqrt(val[nd.a]!); break;
      }
    }
    return val[root]!;
  };
  const adj = new Float64Array(nodes.length);
  const grad = (x: ArrayLike<number>): Float64Array => {
    forward(x);
    adj.fill(0);
    adj[root] = 1;
    const g = new Float64Array(n);
    for (let k = root; k >= 0; k--) {
      const nd = nodes[k]!;
      const w = adj[k]!;
      if (w === 0) continue;
      switch (nd.op) {
        case 'const': break;
        case 'var': g[nd.i]! += w; break;
        case '+': adj[nd.a]! += w; adj[nd.b]! += w; break;
        case '-': adj[nd.a]! += w; adj[nd.b]! -= w; break;
        case '*': adj[nd.a]! += w * val[nd.b]!; adj[nd.b]! += w * val[nd.a]!; break;
        case '/': adj[nd.a]! += w / val[nd.b]!; adj[nd.b]! -= (w * val[nd.a]!) / val[nd.b]! ** 2; break;
        case '^': {
          const a = val[nd.a]!, e = val[nd.b]!;
          // d(a^e) = e·a^(e−1) da + a^e·ln a de (the exponent is a constant in the reference files)
          adj[nd.a]! += w * (e === 0 ? 0 : e * (Number.isInteger(e) && e >= 1 && e <= 9 ? ipow(a, e - 1) : Math.pow(a, e - 1)));
          if (nodes[nd.b]!.op !== 'const') adj[nd.b]! += w * val[k]! * Math.log(a);
          break;
        }
        case 'neg': adj[nd.a]! -= w; break;
        case 'sin': adj[nd.a]! += w * Math.cos(val[nd.a]!); break;
        case 'cos': adj[nd.a]! -= w * Math.sin(val[nd.a]!); break;
        case 'exp': adj[nd.a]! += w * val[k]!; break;
        case 'log': adj[nd.a]! += w / val[nd.a]!; break;
        case 'sqrt': adj[nd.a]! += (w * 0.5) / val[k]!; break;
      }
    }
    return g;
  };
  return { f: (x) => forward(x), grad };
}

function ipow(a: number, e: number): number {
  let r = 1;
  for (let i = 0; i < e; i++) r *= a;
  return r;
}
