// Issue 15: 751 indefinite integrals sampled from the Rubi test suite (test/reference/peer/
// integrals.json, its `about` says how). Per chapter: the solved count is a ratchet (raise it as
// integrate improves, never lower it) and every wrong answer is a failure, listed by id.
//
// An answer F is right when it passes peer-check.ts's check at the case's real test points.
import { describePeerIntegrals } from './peer-check.js';

/**
 * Solved at least this many per chapter (measured; raise when integrate improves), with a work
 * budget of `PEER_STEPS` sub-integrals: the counts do not depend on the machine's load.
 */
const RATCHET: Record<string, number> = {
  rational: 116,
  algebraic: 111,
  exponential: 76,
  logarithmic: 89,
  trig: 110,
  'inverse-trig': 60,
  hyperbolic: 61,
  'inverse-hyperbolic': 24,
  special: 11,
  independent: 52,
};

describePeerIntegrals('peer integrals (Rubi sample): solved counts per chapter, no wrong answer', 'integrals.json', RATCHET);
