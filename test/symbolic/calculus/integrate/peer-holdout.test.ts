// Issue 15's held-out sample: integrals from the same Rubi suite as peer.test.ts but never used
// while developing integrate (test/reference/peer/integrals-holdout.json; its `about` says how it
// was drawn, and that it leans to problems with shorter answers). It measures whether integrate
// generalises; the same check as peer.test.ts, the same budget, its own ratchet per chapter.
import { describePeerIntegrals } from './peer-check.js';

/** Solved at least this many per chapter (measured; raise when integrate improves). */
const RATCHET: Record<string, number> = {
  rational: 15,
  algebraic: 22,
  exponential: 40,
  logarithmic: 42,
  trig: 40,
  'inverse-trig': 5,
  hyperbolic: 10,
  'inverse-hyperbolic': 9,
  special: 12,
  independent: 52,
};

describePeerIntegrals('held-out peer integrals (Rubi): solved counts per chapter, no wrong answer', 'integrals-holdout.json', RATCHET);
