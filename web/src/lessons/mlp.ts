/**
 * The lesson-05 network for the live figure: an MLP [2, 4, 3, 1] (ReLU, ReLU, sigmoid) trained
 * by full-batch gradient descent with hand-written backpropagation, in the same order of
 * operations as the lesson's code cell, so "published" reproduces the course's trace.
 */
import { RandomState } from '../../../src/core/random.js';

export interface Trainer {
  epoch: number;
  loss: number;
  accuracy: number;
  history: Array<{ loss: number; accuracy: number }>;
  /** One epoch: forward, backward, update; then loss and accuracy of that forward pass (as printed). */
  step(): void;
  /** P(class 1) at (x, y). */
  predict(x: number, y: number): number;
}

const SIZES = [2, 4, 3, 1];
const EPS = 2.220446049250313e-16;
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-Math.min(500, Math.max(-500, z))));

/** How to train: the published listing, or the corrected network. */
export interface TrainerOptions {
  /** dsigmoid's factor: 2 as published, 1 for the true derivative s(1 − s). */
  factor: 1 | 2;
  /** Learning rate (published 0.005). */
  lr: number;
  /** Average the loss over the samples instead of summing it (published: sum). */
  mean: boolean;
}

export const PUBLISHED: TrainerOptions = { factor: 2, lr: 0.005, mean: false };
/** The lesson module's corrected run: true σ′, mean loss, η = 0.8. */
export const CORRECTED: TrainerOptions = { factor: 1, lr: 0.8, mean: true };

/** A trainer for the lesson's network on (X, y). `loss` is as the listing prints it (a sum) unless `mean`. */
export function createTrainer(X: number[][], y: number[], o: TrainerOptions): Trainer {
  const { factor, lr, mean } = o;
  const n = X.length;
  const rs = new RandomState(42);
  const W: number[][][] = [];
  const b: number[][] = [];
  for (let l = 0; l < 3; l++) {
    const w = rs.randn(SIZES[l]! * SIZES[l + 1]!);
    W.push(Array.from({ length: SIZES[l]! }, (_, i) => Array.from(w.slice(i * SIZES[l + 1]!, (i + 1) * SIZES[l + 1]!), (v) => v * 0.1)));
    b.push(Array.from(rs.randn(SIZES[l + 1]!), (v) => v * 0.1));
  }
  const act = (l: number, z: number): number => (l < 2 ? Math.max(0, z) : sigmoid(z));
  const dact = (l: number, z: number): number => (l < 2 ? (z > 0 ? 1 : 0) : factor * sigmoid(z) * (1 - sigmoid(z)));

  function forward(): { a: number[][][]; z: number[][][] } {
    const a: number[][][] = [X];
    const z: number[][][] = [];
    for (let l = 0; l < 3; l++) {
      const prev = a[l]!;
      const zl = prev.map((row) =>
        W[l]![0]!.map((_, j) => {
          let s = 0;
          for (let k = 0; k < row.length; k++) s += row[k]! * W[l]![k]![j]!;
          return s + b[l]![j]!;
        }),
      );
      z.push(zl);
      a.push(zl.map((row) => row.map((v) => act(l, v))));
    }
    return { a, z };
  }
  function score(yhat: number[][]): { loss: number; accuracy: number } {
    let loss = 0;
    let right = 0;
    for (let i = 0; i < n; i++) {
      const p = yhat[i]![0]!;
      loss -= y[i]! * Math.log(Math.max(p, EPS)) + (1 - y[i]!) * Math.log(Math.max(1 - p, EPS));
      if ((p > 0.5 ? 1 : 0) === y[i]) right++;
    }
    return { loss: mean ? loss / n : loss, accuracy: right / n };
  }
  const first = score(forward().a[3]!);
  const t: Trainer = {
    epoch: 0,
    loss: first.loss,
    accuracy: first.accuracy,
    history: [],
    step() {
      const { a, z } = forward();
      const scale = mean ? 1 / n : 1;
      let da = a[3]!.map((row, i) => row.map((p) => (-y[i]! / Math.max(p, EPS) + (1 - y[i]!) / Math.max(1 - p, EPS)) * scale));
      const dW: number[][][] = [];
      const db: number[][] = [];
      for (let l = 2; l >= 0; l--) {
        const dz = da.map((row, i) => row.map((v, j) => v * dact(l, z[l]![i]![j]!)));
        const al = a[l]!;
        dW[l] = W[l]!.map((_, r) =>
          dz[0]!.map((_, c) => {
            let s = 0;
            for (let i = 0; i < n; i++) s += al[i]![r]! * dz[i]![c]!;
            return s;
          }),
        );
        db[l] = dz[0]!.map((_, j) => dz.reduce((s, row) => s + row[j]!, 0) / n);
        da = dz.map((row) =>
          W[l]!.map((wr) => {
            let s = 0;
            for (let k = 0; k < row.length; k++) s += row[k]! * wr[k]!;
            return s;
          }),
        );
      }
      for (let l = 0; l < 3; l++) {
        W[l]!.forEach((row, i) => row.forEach((_, j) => (row[j] = row[j]! - lr * dW[l]![i]![j]!)));
        b[l]!.forEach((_, j) => (b[l]![j] = b[l]![j]! - lr * db[l]![j]!));
      }
      const s = score(a[3]!);
      t.loss = s.loss;
      t.accuracy = s.accuracy;
      t.history.push(s);
      t.epoch++;
    },
    predict(px, py) {
      let v = [px, py];
      for (let l = 0; l < 3; l++) v = W[l]![0]!.map((_, j) => act(l, v.reduce((s, x, k) => s + x * W[l]![k]![j]!, 0) + b[l]![j]!));
      return v[0]!;
    },
  };
  return t;
}
