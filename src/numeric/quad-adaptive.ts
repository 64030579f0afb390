/**
 * Globally adaptive Gauss–Kronrod integration with extrapolation (the QAGS scheme of QUADPACK,
 * Piessens et al. 1983): bisect the interval with the largest error; once only the intervals next
 * to a trouble spot remain, feed the sequence of totals to Wynn's epsilon algorithm, which turns
 * the geometric convergence of repeated halving toward an endpoint singularity into a limit.
 */
import { epsilonTable } from './epsilon.js';
import { gk21 } from './gauss-kronrod.js';

const EPMACH = Number.EPSILON;
const UFLOW = Number.MIN_VALUE * 2 ** 52;

/** Raw outcome of the adaptive core (status codes as in QUADPACK's `ier`). */
export interface AdaptiveResult {
  value: number;
  error: number;
  neval: number;
  /** 0 ok, 1 limit, 2 roundoff, 3 bad integrand, 4 extrapolation roundoff, 5 divergent. */
  status: number;
  /** Number of subintervals used. */
  intervals: number;
  /** The subinterval with the largest error estimate at the end (where the trouble is). */
  worst: [number, number];
  /**
   * The value is the epsilon algorithm's limit, not a sum of certified pieces. `quad` checks such
   * a value once more: a rule sampling a function that oscillates far faster than its nodes
   * (sin on [0, 1e300]) can give totals whose extrapolation looks converged.
   */
  extrapolated: boolean;
}

/**
 * Integrate g over the finite [a, b] to max(epsabs, epsrel·|I|) with at most `limit` subintervals.
 */
export function qags(g: (x: number) => number, a: number, b: number, epsabs: number, epsrel: number, limit: number): AdaptiveResult {
  const alist: number[] = [], blist: number[] = [], rlist: number[] = [], elist: number[] = [];
  let neval = 0;
  const rule = (lo: number, hi: number) => {
    neval += 21;
    return gk21(g, lo, hi);
  };
  const first = rule(a, b);
  let result = first.result;
  let abserr = first.abserr;
  const defabs = first.resabs;
  alist.push(a); blist.push(b); rlist.push(result); elist.push(abserr);
  const dres = Math.abs(result);
  let errbnd = Math.max(epsabs, epsrel * dres);
  let ier = 0;
  if (abserr <= 100 * EPMACH * defabs && abserr > errbnd) ier = 2;
  if (limit === 1) ier = 1;
  if (ier !== 0 || (abserr <= errbnd && abserr !== first.resasc) || abserr === 0) {
    return { value: result, error: abserr, neval, status: ier, intervals: 1, worst: [a, b], extrapolated: false };
  }
  // `order` lists interval indices by decreasing error; `nrmax` is the position in it of the
  // interval to bisect next (past the "small" ones while the large intervals are being refined).
  let order = [0];
  const resort = () => {
    order = order.slice().sort((i, j) => elist[j]! - elist[i]!);
  };
  const eps = epsilonTable();
  eps.push(result);
  let errmax = abserr, maxerr = 0, area = result, errsum = abserr;
  abserr = Infinity;
  let nrmax = 0, ktmin = 0, extrap = false, noext = false, ierro = 0;
  let iroff1 = 0, iroff2 = 0, iroff3 = 0;
  const ksgn = dres >= (1 - 50 * EPMACH) * defabs ? 1 : -1;
  let small = 0, erlarg = 0, ertest = 0, correc = 0;
  let last = 1;
  let finishedBySum = false;
  for (last = 2; last <= limit; last++) {
    const a1 = alist[maxerr]!, b2 = blist[maxerr]!;
    const b1 = 0.5 * (a1 + b2), a2 = b1;
    const erlast = errmax;
    const r1 = rule(a1, b1), r2 = rule(a2, b2);
    const area12 = r1.result + r2.result;
    const erro12 = r1.abserr + r2.abserr;
    errsum += erro12 - errmax;
    area += area12 - rlist[maxerr]!;
    // Roundoff detection: bisection stopped reducing the error although the areas agree.
    if (r1.resasc !== r1.abserr && r2.resasc !== r2.abserr) {
      if (Math.abs(rlist[maxerr]! - area12) <= 1e-5 * Math.abs(area12) && erro12 >= 0.99 * errmax) {
        if (extrap) iroff2++;
        else iroff1++;
      }
      if (last > 10 && erro12 > errmax) iroff3++;
    }
    errbnd = Math.max(epsabs, epsrel * Math.abs(area));
    if (iroff1 + iroff2 >= 10 || iroff3 >= 20) ier = 2;
    if (iroff2 >= 5) ierro = 3;
    if (last === limit) ier = 1;
    // Interval too small to split in floating point.
    if (Math.max(Math.abs(a1), Math.abs(b2)) <= (1 + 100 * EPMACH) * (Math.abs(a2) + 1000 * UFLOW)) ier = 4;
    alist[maxerr] = a1; blist[maxerr] = b1; rlist[maxerr] = r1.result; elist[maxerr] = r1.abserr;
    alist.push(a2); blist.push(b2); rlist.push(r2.result); elist.push(r2.abserr);
    order.push(alist.length - 1);
    resort();
    if (errsum <= errbnd) {
      finishedBySum = true;
      break;
    }
    if (ier !== 0) break;
    if (last === 2) {
      small = Math.abs(b - a) * 0.375;
      erlarg = errsum;
      ertest = errbnd;
      eps.push(area);
      nrmax = 0;
      maxerr = order[0]!;
      errmax = elist[maxerr]!;
      continue;
    }
    if (noext) {
      maxerr = order[0]!;
      errmax = elist[maxerr]!;
      nrmax = 0;
      continue;
    }
    erlarg -= erlast;
    if (Math.abs(b1 - a1) > small) erlarg += erro12;
    nrmax = 0;
    maxerr = order[0]!;
    errmax = elist[maxerr]!;
    if (!extrap) {
      // Extrapolate only once the interval due for bisection is among the smallest.
      if (Math.abs(blist[maxerr]! - alist[maxerr]!) > small) continue;
      extrap = true;
      nrmax = 1;
    }
    let doExtrapolate = true;
    if (ierro !== 3 && erlarg > ertest) {
      // The smallest interval has the largest error: first bisect the large intervals (reduce
      // erlarg), skipping over the small ones in the error ordering.
      let found = false;
      for (let k = nrmax; k < order.length; k++) {
        const idx = order[k]!;
        if (Math.abs(blist[idx]! - alist[idx]!) > small) {
          nrmax = k;
          maxerr = idx;
          errmax = elist[idx]!;
          found = true;
          break;
        }
      }
      if (found) doExtrapolate = false;
    }
    if (!doExtrapolate) continue;
    const ex = eps.push(area);
    ktmin++;
    if (ktmin > 5 && abserr < 1e-3 * errsum) ier = 5;
    if (ex.error < abserr) {
      ktmin = 0;
      abserr = ex.error;
      result = ex.value;
      correc = erlarg;
      ertest = Math.max(epsabs, epsrel * Math.abs(ex.value));
      if (abserr <= ertest) break;
    }
    if (eps.count === 1) noext = true;
    if (ier === 5) break;
    maxerr = order[0]!;
    errmax = elist[maxerr]!;
    nrmax = 0;
    extrap = false;
    small *= 0.5;
    erlarg = errsum;
  }
  const intervals = alist.length;
  let wi = 0;
  for (let i = 1; i < elist.length; i++) if (elist[i]! > elist[wi]!) wi = i;
  const worst: [number, number] = [alist[wi]!, blist[wi]!];
  const summed = (error: number, ier: number) => {
    let s = 0;
    for (const r of rlist) s += r;
    return finishWith(s, error, ier, neval, intervals, worst, false);
  };
  const extrapolatedResult = (ier: number) => finishWith(result, abserr, ier, neval, intervals, worst, true);
  if (finishedBySum || abserr === Infinity) {
    return summed(errsum, ier);
  }
  if (ier + ierro !== 0) {
    if (ierro === 3) abserr += correc;
    if (ier === 0) ier = 3;
    if (result !== 0 && area !== 0) {
      if (abserr / Math.abs(result) > errsum / Math.abs(area)) return summed(errsum, ier);
    } else if (abserr > errsum) {
      return summed(errsum, ier);
    } else if (area === 0) {
      return extrapolatedResult(ier);
    }
  }
  // Divergence test: the extrapolated value and the plain sum should agree in size.
  if (!(ksgn === -1 && Math.max(Math.abs(result), Math.abs(area)) <= defabs * 0.01)) {
    if (0.01 > result / area || result / area > 100 || errsum > Math.abs(area)) ier = 6;
  }
  return extrapolatedResult(ier);
}

function finishWith(value: number, error: number, ier: number, neval: number, intervals: number, worst: [number, number], extrapolated: boolean): AdaptiveResult {
  // QUADPACK numbers "extrapolation roundoff" 4 and "divergent" 5 after shifting ier > 2 down.
  const status = ier > 2 ? ier - 1 : ier;
  return { value, error, neval, status, intervals, worst, extrapolated };
}
