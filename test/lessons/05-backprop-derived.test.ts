// Lesson 05's four backprop equations, derived by the matrix-calculus engine, against the
// hand-written MLP.backward() at random shapes, activations, losses and data.
import { describe, expect, it } from 'vitest';
import { RandomState } from '../../src/core/random.js';
import { toText, toUnicode } from '../../src/matcalc/index.js';
import { MLP, type MlpLossName } from '../../src/nn/index.js';
import { compareWithBackward, deriveBackprop } from '../../src/lessons/05-backprop-derived.js';
import { lesson05 } from '../../src/lessons/05-backprop.js';

describe('lesson 05: backprop equations derived by matrix calculus', () => {
  it('derives the four textbook equations', () => {
    const r = deriveBackprop('relu');
    expect(toText(r.dZ)).toBe('step(Z).*G');
    expect(toText(r.short.dW)).toBe("A'*dZ");
    expect(toText(r.short.db)).toBe("dZ'*ones(m)");
    expect(toText(r.short.dA)).toBe("dZ*W'");
    expect(toUnicode(deriveBackprop('sigmoid').dZ)).toBe('G ⊙ σ(Z) ⊙ (1 − σ(Z))');
    expect(toText(deriveBackprop('tanh').dZ)).toBe('G.*(1 - tanh(Z).^2)');
  });

  it('equal backward() numerically at random shapes, activations and losses', () => {
    const rs = new RandomState(5);
    const acts = ['relu', 'sigmoid', 'tanh'] as const;
    const losses: MlpLossName[] = ['mse', 'bceMean', 'bceSum'];
    for (let trial = 0; trial < 12; trial++) {
      const depth = 2 + (trial % 3);
      const sizes = Array.from({ length: depth + 1 }, () => 1 + Math.floor(rs.uniform(0, 5, 1)[0]!));
      sizes[sizes.length - 1] = 1;
      const activations = Array.from({ length: depth }, (_, i) => (i === depth - 1 ? 'sigmoid' : acts[Math.floor(rs.uniform(0, 3, 1)[0]!)]!));
      const model = new MLP({ layerSizes: sizes, activations, loss: losses[trial % 3]!, biasGradient: trial % 2 ? 'sum' : 'mean' }).initialize(trial, 0.8);
      const m = 2 + Math.floor(rs.uniform(0, 7, 1)[0]!);
      const X = { rows: m, cols: sizes[0]!, data: rs.randn(m * sizes[0]!) };
      const Y = { rows: m, cols: 1, data: Float64Array.from(rs.uniform(0, 1, m), (u) => (u > 0.5 ? 1 : 0)) };
      model.backward(Y, model.forward(X));
      expect(compareWithBackward(model), `${sizes.join(',')} ${activations.join(',')}`).toBeLessThan(1e-12);
    }
  });

  it('a wrong backward would be caught: the listing’s 2σ(1 − σ) output derivative differs', () => {
    const X = { rows: 4, cols: 2, data: Float64Array.of(0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8) };
    const Y = { rows: 4, cols: 1, data: Float64Array.of(1, 0, 1, 0) };
    const model = new MLP({ layerSizes: [2, 3, 1], activations: ['relu', 'sigmoidListing'], loss: 'bceMean' }).initialize(1);
    model.backward(Y, model.forward(X));
    expect(() => compareWithBackward(model)).toThrow('no derivation');
    const good = new MLP({ layerSizes: [2, 3, 1], activations: ['relu', 'sigmoid'], loss: 'bceMean' }).initialize(1);
    good.backward(Y, good.forward(X));
    good.dW[1]!.data[0]! += 1e-3; // tamper with one hand-written gradient entry
    expect(compareWithBackward(good)).toBeGreaterThan(1e-6);
  });

  it('nabla lesson 5 prints them after the existing output, which is unchanged', () => {
    const lines = lesson05.run().lines;
    const at = lines.findIndex((l) => l.startsWith('Backpropagation derived by matrix calculus'));
    expect(at).toBeGreaterThan(150);
    expect(lines[at - 1]).toBe('');
    expect(lines[at - 2]).toMatch(/^Listing after 150 epochs: /);
    const derived = lines.slice(at);
    expect(derived.some((l) => /^ {2}dL\/dW = A'\*dZ +backward\(\): dW\[l\] = a\[l-1\]\.T @ dz\[l\]$/.test(l))).toBe(true);
    expect(derived.some((l) => l.startsWith("  dL/dA = dZ*W'"))).toBe(true);
    expect(derived.some((l) => l.startsWith("  dL/db = dZ'*ones(m)"))).toBe(true);
    expect(derived.some((l) => l.startsWith('  dL/dZ = step(Z).*G'))).toBe(true);
    expect(derived.at(-1)).toContain("equal to backward()'s dz, dW, db, da");
  });
});
