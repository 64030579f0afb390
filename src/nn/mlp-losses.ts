/**
 * Loss/derivative pairs for the explicit MLP, on Float64Arrays (y and ŷ of the same length).
 * The binary cross-entropy clips like the listing: log(max(ŷ, ε)), ε = 2⁻⁵² (np.finfo(float).eps).
 */

/** A loss L(y, ŷ) and its derivative ∂L/∂ŷ written into `out`. */
export interface LossPair {
  name: string;
  value(y: Float64Array, yhat: Float64Array): number;
  derivative(y: Float64Array, yhat: Float64Array, out: Float64Array): void;
}

const EPS = 2 ** -52;

function bceSumValue(y: Float64Array, yhat: Float64Array): number {
  // L = −Σ [y log ŷ + (1 − y) log(1 − ŷ)], as two dot products like yᵀ·log ŷ + (1 − y)ᵀ·log(1 − ŷ)
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < y.length; i++) {
    const p = yhat[i]!;
    s1 += y[i]! * Math.log(p < EPS ? EPS : p);
    const q = 1 - p;
    s2 += (1 - y[i]!) * Math.log(q < EPS ? EPS : q);
  }
  return -(s1 + s2);
}

function bceDerivative(y: Float64Array, yhat: Float64Array, out: Float64Array, scale: number): void {
  // ∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ)
  for (let i = 0; i < y.length; i++) {
    const p = yhat[i]!;
    const q = 1 - p;
    const d = -(y[i]! / (p < EPS ? EPS : p)) + (1 - y[i]!) / (q < EPS ? EPS : q);
    out[i] = scale === 1 ? d : d * scale;
  }
}

/**
 * Loss pairs: `bceSum` (the lesson 05 listing: summed over samples), `bceMean`, `mse` (mean of (ŷ − y)²).
 *
 * @example
 * mlpLosses.bceSum.value(Float64Array.of(1, 0), Float64Array.of(0.5, 0.5)) // → ≈ 1.3862944 (2·ln 2)
 */
export const mlpLosses = {
  bceSum: {
    name: 'binary cross-entropy (sum)',
    value: bceSumValue,
    derivative: (y, yhat, out) => bceDerivative(y, yhat, out, 1),
  } satisfies LossPair,
  bceMean: {
    name: 'binary cross-entropy (mean)',
    value: (y, yhat) => bceSumValue(y, yhat) / y.length,
    derivative: (y, yhat, out) => bceDerivative(y, yhat, out, 1 / y.length),
  } satisfies LossPair,
  mse: {
    name: 'mean squared error',
    value: (y, yhat) => {
      let s = 0;
      for (let i = 0; i < y.length; i++) s += (yhat[i]! - y[i]!) ** 2;
      return s / y.length;
    },
    // ∂/∂ŷ (1/n)Σ(ŷ − y)² = 2(ŷ − y)/n
    derivative: (y, yhat, out) => {
      for (let i = 0; i < y.length; i++) out[i] = (2 * (yhat[i]! - y[i]!)) / y.length;
    },
  } satisfies LossPair,
} as const;
/** The name of a loss of the explicit MLP (the keys of `mlpLosses`). */
export type MlpLossName = keyof typeof mlpLosses;
