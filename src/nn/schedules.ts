/**
 * Learning-rate schedules, per epoch, with PyTorch's formulas (`torch.optim.lr_scheduler`):
 *   step:        η_e = η₀ · γ^⌊e / stepSize⌋                                 (StepLR)
 *   exponential: η_e = η₀ · γ^e                                               (ExponentialLR)
 *   cosine:      η_e = η_min + (η₀ − η_min)(1 + cos(π·min(e, T)/T))/2          (CosineAnnealingLR, no restart)
 *   linear warm-up to η₀ over `epochs`, then constant                         (LinearLR from `start`·η₀)
 */
import { ArgumentError, describeValue } from '../core/errors.js';

/** The learning rate of epoch `epoch` (0-based) given the base rate. */
export type Schedule = (epoch: number, baseLr: number) => number;

function pos(name: string, v: number, integer = false): number {
  if (!(typeof v === 'number' && Number.isFinite(v) && v > 0 && (!integer || Number.isInteger(v)))) {
    throw new ArgumentError(`${name} must be a ${integer ? 'positive integer' : 'finite number > 0'}, got ${describeValue(v)}`);
  }
  return v;
}

/**
 * The schedules. Pass one as `fit(X, y, { lrSchedule: schedules.cosine({ epochs: 100 }) })`.
 *
 * @example
 * schedules.step({ stepSize: 10, gamma: 0.5 })(25, 0.1) // → 0.025
 * schedules.cosine({ epochs: 100 })(100, 0.1) // → 0
 */
export const schedules = {
  /** η₀ throughout. */
  constant: (): Schedule => (_e, lr) => lr,
  /** Multiply by `gamma` (default 0.1) every `stepSize` epochs. */
  step: (o: { stepSize: number; gamma?: number }): Schedule => {
    const size = pos('schedules.step: stepSize', o?.stepSize, true);
    const gamma = pos('schedules.step: gamma', o.gamma ?? 0.1);
    return (e, lr) => lr * gamma ** Math.floor(e / size);
  },
  /** Multiply by `gamma` every epoch. */
  exponential: (o: { gamma: number }): Schedule => {
    const gamma = pos('schedules.exponential: gamma', o?.gamma);
    return (e, lr) => lr * gamma ** e;
  },
  /** Half a cosine from η₀ down to `minLr` (default 0) over `epochs`, then `minLr`. */
  cosine: (o: { epochs: number; minLr?: number }): Schedule => {
    const T = pos('schedules.cosine: epochs', o?.epochs, true);
    const lo = o.minLr ?? 0;
    if (!(lo >= 0 && Number.isFinite(lo))) throw new ArgumentError(`schedules.cosine: minLr must be ≥ 0, got ${describeValue(lo)}`);
    return (e, lr) => lo + ((lr - lo) * (1 + Math.cos((Math.PI * Math.min(e, T)) / T))) / 2;
  },
  /** Linear warm-up from `start`·η₀ (default 0.1) to η₀ over `epochs`, then η₀. */
  warmup: (o: { epochs: number; start?: number }): Schedule => {
    const T = pos('schedules.warmup: epochs', o?.epochs, true);
    const s = o.start ?? 0.1;
    if (!(s > 0 && s <= 1)) throw new ArgumentError(`schedules.warmup: start must be in (0, 1], got ${describeValue(s)}`);
    return (e, lr) => lr * (s + ((1 - s) * Math.min(e, T)) / T);
  },
} as const;
