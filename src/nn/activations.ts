/**
 * Activation/derivative pairs for the explicit MLP, as vectorized Float64Array kernels
 * (`forward(z, out)`, `derivative(z, out)`), named as in the course listing.
 */

/** An activation g and its derivative g′, both applied element-wise from `z` into `out`. */
export interface Activation {
  name: string;
  forward(z: Float64Array, out: Float64Array): void;
  derivative(z: Float64Array, out: Float64Array): void;
  /** Optional fused backward step dz = da ⊙ g′(z) (one pass instead of two). */
  backward?(z: Float64Array, da: Float64Array, dz: Float64Array): void;
  /** Optional fused layer steps on rows of `cols` entries: z += b then out = g(z). */
  forwardBias?(z: Float64Array, b: Float64Array, cols: number, out: Float64Array): void;
  /** Optional fused dz = da ⊙ g′(z) with db[j] += Σ_rows dz[·, j] (db is not cleared). */
  backwardBias?(z: Float64Array, da: Float64Array, dz: Float64Array, db: Float64Array, cols: number): void;
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
  // max(z, 0) without a data-dependent branch (random signs defeat branch prediction): z·[z > 0] + 0,
  // the + 0 turning −0 into +0; −∞ (where z·0 is NaN) is patched by a branch that is never taken.
  forward(z, out) {
    for (let i = 0; i < z.length; i++) {
      const v = z[i]!;
      out[i] = v === -Infinity ? 0 : v * +(v > 0) + 0;
    }
  },
  // relu′(z) = [z > 0]
  derivative(z, out) { for (let i = 0; i < z.length; i++) out[i] = +(z[i]! > 0); },
  // dz = da ⊙ [z > 0], exactly NumPy's da * (z > 0).astype(float)
  backward(z, da, dz) { for (let i = 0; i < z.length; i++) dz[i] = da[i]! * +(z[i]! > 0); },
  forwardBias(z, b, cols, out) {
    for (let r = 0; r < z.length; r += cols) {
      for (let j = 0; j < cols; j++) {
        const v = z[r + j]! + b[j]!;
        z[r + j] = v;
        out[r + j] = v === -Infinity ? 0 : v * +(v > 0) + 0;
      }
    }
  },
  backwardBias(z, da, dz, db, cols) {
    for (let r = 0; r < z.length; r += cols) {
      for (let j = 0; j < cols; j++) {
        const v = da[r + j]! * +(z[r + j]! > 0);
        dz[r + j] = v;
        db[j]! += v;
      }
    }
  },
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
 * const out = new Float64Array(1);
 * activations.sigmoid.derivative(Float64Array.of(0), out);
 * out[0] // → 0.25
 */
export const activations = { relu, sigmoid, tanh, identity, sigmoidListing } as const;
/** The name of an activation in `activations`: 'relu', 'sigmoid', 'tanh', 'identity' or 'sigmoidListing'. */
export type ActivationName = keyof typeof activations;
