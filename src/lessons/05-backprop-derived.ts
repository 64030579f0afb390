/**
 * Lesson 05's backpropagation equations derived by the matrix-calculus engine instead of by hand.
 * One layer of the course's row-batch network: Z = A·W + 1bᵀ (A is m×p, a row per sample),
 * A_out = g(Z). With G = ∂L/∂A_out coming from the layer above, the loss's first-order part
 * through this layer is ⟨G, g(Z)⟩ = sum(G ⊙ g(Z)); differentiating it by Z, W, b and A gives the
 * four equations backward() implements.
 */
import { ArgumentError } from '../core/errors.js';
import type { MLP } from '../nn/index.js';
import { compileMatrixExpr, derivative, matrixSymbol, parseMatrixExpr, substitute, toText, toUnicode, transpose, type CompiledMatrixExpr, type MExpr } from '../matcalc/index.js';

/** Activations the derivation supports (the names nn uses). */
export type DerivedActivation = 'relu' | 'sigmoid' | 'tanh';

/** The four derived equations: full forms (in A, W, b, G), short forms (in dZ), compiled. */
export interface BackpropFormulas {
  activation: DerivedActivation;
  /** ∂L/∂Z in terms of Z and G. */
  dZ: MExpr;
  /** ∂L/∂Z, ∂L/∂W, ∂L/∂b, ∂L/∂A in terms of A, W, b, G (what is evaluated). */
  full: { dZ: MExpr; dW: MExpr; db: MExpr; dA: MExpr };
  /** ∂L/∂W, ∂L/∂b, ∂L/∂A with ∂L/∂Z written dZ (what is printed). */
  short: { dW: MExpr; db: MExpr; dA: MExpr };
  compiled: { dZ: CompiledMatrixExpr; dW: CompiledMatrixExpr; db: CompiledMatrixExpr; dA: CompiledMatrixExpr };
}

const SHAPES = 'A:m,p W:p,q b:q G:m,q Z:m,q';
const cache = new Map<DerivedActivation, BackpropFormulas>();

/**
 * Derive the four backprop equations for one layer with activation g.
 * @example matrixToText(deriveBackprop('relu').short.dW) // → "A'*dZ"
 */
export function deriveBackprop(activation: DerivedActivation): BackpropFormulas {
  const hit = cache.get(activation);
  if (hit) return hit;
  const Z = parseMatrixExpr('Z', SHAPES);
  const W = parseMatrixExpr('W', SHAPES);
  const b = parseMatrixExpr('b', SHAPES);
  const A = parseMatrixExpr('A', SHAPES);
  const preact = parseMatrixExpr("A*W + ones(m)*b'", SHAPES);
  const dZ = derivative(parseMatrixExpr(`sum(G .* ${activation}(Z))`, SHAPES), Z);
  const loss = parseMatrixExpr(`sum(G .* ${activation}(A*W + ones(m)*b'))`, SHAPES);
  const full = {
    dZ: substitute(dZ, new Map([[Z, preact]])),
    dW: derivative(loss, W),
    db: derivative(loss, b),
    dA: derivative(loss, A),
  };
  const dZsym = matrixSymbol('dZ', 'm', 'q');
  // dZ may appear transposed (transposes are pushed into elementwise expressions): replace both.
  const shorten = (e: MExpr): MExpr => substitute(e, new Map([[full.dZ, dZsym], [transpose(full.dZ), transpose(dZsym)]]));
  const out: BackpropFormulas = {
    activation,
    dZ,
    full,
    short: { dW: shorten(full.dW), db: shorten(full.db), dA: shorten(full.dA) },
    compiled: { dZ: compileMatrixExpr(full.dZ), dW: compileMatrixExpr(full.dW), db: compileMatrixExpr(full.db), dA: compileMatrixExpr(full.dA) },
  };
  cache.set(activation, out);
  return out;
}

/** The lesson's lines: the derived equations beside backward()'s hand-written ones. */
export function backpropDerivedLines(): string[] {
  const relu = deriveBackprop('relu');
  const sig = deriveBackprop('sigmoid');
  const texts = [toText(relu.dZ), toText(sig.dZ), toText(relu.short.dW), toText(relu.short.db), toText(relu.short.dA)];
  const width = Math.max(...texts.map((t) => t.length)) + 3;
  const row = (lhs: string, derived: string, hand: string): string => `  ${lhs} = ${derived.padEnd(width)}backward(): ${hand}`;
  return [
    '',
    "Backpropagation derived by matrix calculus (nabla matdiff): one layer Z = A*W + ones(m)*b', output g(Z), G = dL/d(output) from above;",
    "the loss through the layer is sum(G .* g(Z)), differentiated by Z, W, b and A (m = batch rows):",
    row('dL/dZ', toText(relu.dZ), "dz[l] = da[l] * g'(z[l])           (hidden layers, g = relu)"),
    row('dL/dZ', toText(sig.dZ), "dz[l] = da[l] * s*(1 - s)          (output layer, g = sigmoid)"),
    row('dL/dW', toText(relu.short.dW), 'dW[l] = a[l-1].T @ dz[l]'),
    row('dL/db', toText(relu.short.db), 'db[l] = dz[l] summed over rows (the listing takes the mean: 1/m of it)'),
    row('dL/dA', toText(relu.short.dA), 'da[l-1] = dz[l] @ W[l].T'),
    `  in Unicode: ∂L/∂Z = ${toUnicode(relu.dZ)},  ∂L/∂W = ${toUnicode(relu.short.dW)},  ∂L/∂b = ${toUnicode(relu.short.db)},  ∂L/∂A = ${toUnicode(relu.short.dA)}`,
  ];
}

/**
 * The largest difference, relative to the largest entry, between the derived equations evaluated
 * on a network's current state and what its backward() stored (dz, dW, db, da for every layer).
 * Call after `model.forward(X)` and `model.backward(Y, ŷ)`. The bias gradient is compared after
 * undoing backward()'s mean over the batch when the model uses `biasGradient: 'mean'`.
 */
export function compareWithBackward(model: MLP): number {
  let worst = 0;
  const rel = (a: Float64Array, b: Float64Array, scale = 1): number => {
    let big = 0;
    let err = 0;
    for (let i = 0; i < a.length; i++) {
      big = Math.max(big, Math.abs(b[i]!));
      err = Math.max(err, Math.abs(a[i]! - b[i]! * scale));
    }
    return a.length === b.length ? err / Math.max(big * scale, 1e-300) : Infinity;
  };
  for (let l = 1; l < model.layerSizes.length; l++) {
    const name = model.activations[l - 1]!.name;
    if (name !== 'relu' && name !== 'sigmoid' && name !== 'tanh') throw new ArgumentError(`compareWithBackward: no derivation for activation '${name}'`);
    const f = deriveBackprop(name);
    const m = model.a[l - 1]!.rows;
    const bind = { A: model.a[l - 1]!, W: model.W[l]!, b: model.b[l]!.data, G: model.da[l]! };
    worst = Math.max(
      worst,
      rel(f.compiled.dZ(bind).data, model.dz[l]!.data),
      rel(f.compiled.dW(bind).data, model.dW[l]!.data),
      rel(f.compiled.db(bind).data, model.db[l]!.data, model.biasGradient === 'mean' ? m : 1),
      rel(f.compiled.dA(bind).data, model.da[l - 1]!.data),
    );
  }
  return worst;
}
