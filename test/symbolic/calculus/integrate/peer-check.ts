// The check behind the peer-integral tests (peer.test.ts, peer-holdout.test.ts): is F an
// antiderivative of a case's integrand at its real test points? The integrand's values there were
// computed by mpmath to 30 digits (test/reference/peer/*.json), so the check rests on neither
// nabla's `diff` nor its simplifier.
//
// At each point F must be real and finite, and its slope must equal the integrand's value. The slope
// is taken two ways, and either may confirm it: (1) five-point central differences at several step
// sizes (near a pole the large steps straddle it, far out the small ones round off), which a wrong F
// never passes at every point; (2) forward-mode dual numbers (evaluateDual), which need no step and
// so stay accurate where F is a sum of huge terms that nearly cancel (an expanded degree-17
// polynomial whose value is 1.6 while its terms are 10⁹: there every difference quotient is noise).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '../../../../src/symbolic/parse/parse.js';
import { toString } from '../../../../src/symbolic/print/text.js';
import { integrate } from '../../../../src/symbolic/calculus/integrate/index.js';
import { symbol, type Expr } from '../../../../src/symbolic/expr/expr.js';
import { evalNumber } from '../../../../src/symbolic/algebra/util.js';
import { evaluateDual } from '../../../../src/symbolic/walk/evaluate.js';

export interface PeerCase {
  id: string;
  chapter: string;
  integrand: string;
  reference: string;
  points: Array<{ x: number; f: number }>;
}

/** The cases of test/reference/peer/NAME. */
export function loadPeerIntegrals(name: string): PeerCase[] {
  return (JSON.parse(readFileSync(resolve(__dirname, '../../../reference/peer', name), 'utf8')) as { cases: PeerCase[] }).cases;
}

const x = symbol('x');

/** F′(t) by the five-point central difference with step h·max(1, |t|). */
function slope(F: Expr, t: number, h0: number): number {
  const h = h0 * Math.max(1, Math.abs(t));
  const v = (k: number) => evalNumber(F, new Map<Expr, number>([[x, t + k * h]]));
  return (v(-2) - 8 * v(-1) + 8 * v(1) - v(2)) / (12 * h);
}

/** F′(t) by dual numbers, or NaN where they do not evaluate. */
function dualSlope(F: Expr, t: number): number {
  try {
    return evaluateDual(F, x, t).du;
  } catch {
    return NaN;
  }
}

/** Why F is not an antiderivative of the case's integrand at its test points, or null. */
export function peerMismatch(F: Expr, c: PeerCase): string | null {
  points: for (const p of c.points) {
    const Fv = evalNumber(F, new Map<Expr, number>([[x, p.x]]));
    if (!Number.isFinite(Fv)) return `F(${p.x}) = ${Fv}, not real`;
    const ad = dualSlope(F, p.x);
    if (Number.isFinite(ad) && Math.abs(ad - p.f) <= 1e-8 * Math.max(Math.abs(p.f), 1e-3)) continue;
    let best = NaN;
    for (const h of [1e-3, 1e-4, 1e-5, 1e-6]) {
      const d = slope(F, p.x, h);
      // 1e-6 relative to the integrand, plus the rounding of F's values divided by the step.
      if (Math.abs(d - p.f) <= 1e-6 * Math.max(Math.abs(p.f), 1e-3) + 1e-13 * Math.max(1, Math.abs(Fv)) / h) continue points;
      if (Number.isNaN(best) || Math.abs(d - p.f) < Math.abs(best - p.f)) best = d;
    }
    return `F′(${p.x}) ≈ ${best} (dual numbers ${ad}), integrand ${p.f}`;
  }
  return null;
}

/** The work budget of the peer suites: the hardest solved case of integrals.json needs 841 sub-integrals. */
export const PEER_STEPS = 1000;

interface Outcome {
  id: string;
  status: 'solved' | 'unsolved' | 'wrong';
  note: string;
}

/**
 * The suite of one peer file: per chapter, no wrong answer (each listed by id) and at least
 * `ratchet[chapter]` solved with the work budget PEER_STEPS (counts that do not depend on the
 * machine's load; raise them when integrate improves, never lower them).
 */
export function describePeerIntegrals(title: string, name: string, ratchet: Record<string, number>): void {
  const byChapter = new Map<string, PeerCase[]>();
  for (const c of loadPeerIntegrals(name)) byChapter.set(c.chapter, [...(byChapter.get(c.chapter) ?? []), c]);
  describe(title, () => {
    it(`covers the chapters of ${name}`, () => {
      expect([...byChapter.keys()].sort()).toEqual(Object.keys(ratchet).sort());
    });
    for (const chapter of Object.keys(ratchet)) {
      describe(chapter, () => {
        let outcomes: Outcome[] = [];
        beforeAll(() => {
          outcomes = (byChapter.get(chapter) ?? []).map((c): Outcome => {
            const F = integrate(parse(c.integrand), x, { maxSteps: PEER_STEPS });
            if (F.kind === 'Integral') return { id: c.id, status: 'unsolved', note: '' };
            const why = peerMismatch(F, c);
            return why === null ? { id: c.id, status: 'solved', note: '' } : { id: c.id, status: 'wrong', note: `∫ ${c.integrand} = ${toString(F)}: ${why}` };
          });
        }, 600_000);
        it('no wrong answer', () => {
          expect(outcomes.filter((o) => o.status === 'wrong').map((o) => `${o.id} ${o.note}`)).toEqual([]);
        });
        it(`solves at least ${ratchet[chapter]} of ${byChapter.get(chapter)?.length ?? 0}`, () => {
          expect(outcomes.filter((o) => o.status === 'solved').length).toBeGreaterThanOrEqual(ratchet[chapter]!);
        });
      });
    }
  });
}
