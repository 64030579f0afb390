/**
 * Activation/derivative pairs for the explicit MLP, as vectorized Float64Array kernels
 * (`forward(z, out)`, `derivative(z, out)`), named as in the course listing.
 */

/** An activation g and its derivative g′, both applied element-wise from `z` into `out`. */
export interface Activation {
  name: string;
  forward(z: Float64Array, out: Float64Array): void;
  derivative(z: Float64Array, out: Float64Array): void;
}

/** σ(z) = 1/(1 + e^−z) with z clipped to [−500, 500], exactly as the listing computes it. */
function sigmoidInto(z: Float64Array, out: Float64Array): void {
  for (let i = 0; i < z.length; i++) {
    const v = z[i]! < -500 ? -500 : z[i]! > 500 ? 500 : z[i]!;
    out[i] = 1 / (1 + Math.exp(-v));
  }
}

const relu: Activation = {
  name: 'relu',
  forward(z, out) { for (let i = 0; i < z.length; i++) out[i] = z[i]! > 0 ? z[i]! : 0; },
  // relu′(z) = [z > 0]
  derivative(z, out) { for (let i = 0; i < z.length; i++) out[i] = +(z[i]! > 0); },
};

const sigmoid: Activation = {
  name: 'sigmoid',
  forward: sigmoidInto,
  // σ′ = σ(1 − σ)
  derivative(z, out) {
    sigmoidInto(z, out);
    for (let i = 0; i < z.length; i++) out[i] = out[i]! * (1 - out[i]!);
  },
};

const sigmoidListing: Activation = {
  name: 'sigmoid (listing: 2σ(1−σ))',
  forward: sigmoidInto,
  // The lesson 05 listing's dsigmoid: 2·s·(1 − s), twice the true derivative (kept to reproduce it).
  derivative(z, out) {
    sigmoidInto(z, out);
    for (let i = 0; i < z.length; i++) out[i] = 2 * out[i]! * (1 - out[i]!);
  },
};

const tanh: Activation = {
  name: 'tanh',
  forward(z, out) { for (let i = 0; i < z.length; i++) out[i] = Math.tanh(z[i]!); },
  // tanh′ = 1 − tanh²
  derivative(z, out) { for (let i = 0; i < z.length; i++) { const t = Math.tanh(z[i]!); out[i] = 1 - t * t; } },
};

const identity: Activation = {
  name: 'identity',
  forward(z, out) { out.set(z); },
  derivative(_z, out) { out.fill(1); },
};

/**
 * The activation/derivative pairs: relu, sigmoid, tanh, identity and `sigmoidListing` (the
 * lesson 05 listing's buggy derivative 2σ(1−σ)).
 *
 * @example
 * const out = new Float64Array(1); activations.sigmoid.derivative(Float64Array.of(0), out); out[0] // 0.25
 */
export const activations = { relu, sigmoid, tanh, identity, sigmoidListing } as const;
export type ActivationName = keyof typeof activations;
