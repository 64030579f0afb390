/**
 * Wynn's epsilon algorithm: accelerate a slowly converging sequence of partial results (sums of
 * an alternating series, or integral estimates as the interval next to a singularity shrinks).
 */

/**
 * The running state of the epsilon table, fed one new sequence element at a time (QUADPACK's
 * dqelg scheme: only the last diagonal is kept, at most 50 elements).
 */
export interface EpsilonTable {
  /** Add the next element; returns the current extrapolated limit and its error estimate. */
  push(value: number): { value: number; error: number };
  /** Elements pushed so far. */
  readonly count: number;
}

const LIMEXP = 50;
const OFLOW = Number.MAX_VALUE;
const EPMACH = Number.EPSILON;

/**
 * A fresh epsilon table. From S_k, the ε-algorithm builds ε_{k}^{(j+1)} = ε_{k+1}^{(j−1)} +
 * 1/(ε_{k+1}^{(j)} − ε_k^{(j)}); the even columns are Shanks transforms, exact for sequences that
 * are sums of geometric terms. The error estimate compares the last three limits (so the first
 * three calls return error = Infinity), and never drops below 5ε·|limit|.
 *
 * @example
 * const t = epsilonTable();
 * let s = 0, out = { value: 0, error: 0 };
 * for (let k = 0; k < 12; k++) { s += (-1) ** k / (k + 1); out = t.push(s); }
 * out.value // → ≈ 0.6931472 (ln 2)
 */
export function epsilonTable(): EpsilonTable {
  const tab = new Float64Array(LIMEXP + 3);
  let n = 0; // elements in tab
  let count = 0;
  const last3: number[] = [];
  return {
    get count() {
      return count;
    },
    push(value: number) {
      count++;
      tab[n] = value;
      n++;
      let result = tab[n - 1]!;
      let abserr = OFLOW;
      if (n < 3) return { value: result, error: Math.max(Infinity, 5 * EPMACH * Math.abs(result)) };
      // tab holds, for the current diagonal, ε entries at indices 0..n−1 (1-based k in QUADPACK).
      const num = n;
      tab[n + 1] = tab[n - 1]!;
      const newelm = Math.floor((n - 1) / 2);
      tab[n - 1] = OFLOW;
      let k1 = n - 1; // 0-based index of QUADPACK's k1 = n
      let converged = false;
      let nOut = n;
      for (let i = 1; i <= newelm; i++) {
        const k2 = k1 - 1, k3 = k1 - 2;
        let res = tab[k1 + 2]!;
        const e0 = tab[k3]!, e1 = tab[k2]!, e2 = res;
        const e1abs = Math.abs(e1);
        const delta2 = e2 - e1, err2 = Math.abs(delta2), tol2 = Math.max(Math.abs(e2), e1abs) * EPMACH;
        const delta3 = e1 - e0, err3 = Math.abs(delta3), tol3 = Math.max(e1abs, Math.abs(e0)) * EPMACH;
        if (err2 <= tol2 && err3 <= tol3) {
          // e0, e1, e2 agree to machine accuracy: accept convergence.
          result = res;
          abserr = err2 + err3;
          converged = true;
          break;
        }
        const e3 = tab[k1]!;
        tab[k1] = e1;
        const delta1 = e1 - e3, err1 = Math.abs(delta1), tol1 = Math.max(e1abs, Math.abs(e3)) * EPMACH;
        // Two nearly equal elements: the table becomes unstable, so cut it here.
        if (err1 <= tol1 || err2 <= tol2 || err3 <= tol3) {
          nOut = i + i - 1;
          break;
        }
        const ss = 1 / delta1 + 1 / delta2 - 1 / delta3;
        if (Math.abs(ss * e1) <= 1e-4) {
          nOut = i + i - 1;
          break;
        }
        res = e1 + 1 / ss;
        tab[k1] = res;
        k1 -= 2;
        const error = err2 + Math.abs(res - e2) + err3;
        if (error <= abserr) {
          abserr = error;
          result = res;
        }
      }
      if (converged) {
        // The table is left as it was before this push's shift (QUADPACK jumps straight out).
        n = num;
        tab[n - 1] = value;
        return { value: result, error: Math.max(abserr, 5 * EPMACH * Math.abs(result)) };
      }
      if (nOut === LIMEXP) nOut = 2 * Math.floor(LIMEXP / 2) - 1;
      // Shift the table to keep the last diagonal.
      let ib = num % 2 === 0 ? 1 : 0;
      const ie = newelm + 1;
      for (let i = 1; i <= ie; i++) {
        tab[ib] = tab[ib + 2]!;
        ib += 2;
      }
      if (num !== nOut) {
        let indx = num - nOut;
        for (let i = 0; i < nOut; i++) {
          tab[i] = tab[indx]!;
          indx++;
        }
      }
      n = nOut;
      if (last3.length < 3) {
        last3.push(result);
        abserr = OFLOW;
      } else {
        abserr = Math.abs(result - last3[2]!) + Math.abs(result - last3[1]!) + Math.abs(result - last3[0]!);
        last3.shift();
        last3.push(result);
      }
      return { value: result, error: Math.max(abserr, 5 * EPMACH * Math.abs(result)) };
    },
  };
}
