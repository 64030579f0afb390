/**
 * Correctly rounded log, sin and cos. NumPy's generator and scikit-learn's datasets call the C
 * library (glibc), whose results are within ~0.5 ulp; V8's fdlibm ports differ from them in the
 * last bit for 1-3 % of arguments. Evaluating in double-double (~106 bits) and rounding once gives
 * the correctly rounded value, which is what glibc returns for all but rare near-halfway cases.
 */

/** A double-double hi + lo with |lo| ≤ ulp(hi)/2. */
type DD = [number, number];

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter

/** a + b exactly, as a double-double (Knuth's TwoSum). */
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a · b exactly, as a double-double (Dekker's TwoProduct). */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [hi, lo] = twoSum(s, e + a[1] + b[1]);
  return [hi, lo];
}

function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

/** 1/n as a double-double. */
function ddRecip(n: number): DD {
  const q = 1 / n;
  const [p, e] = twoProd(q, n);
  return [q, (1 - p - e) / n];
}

// 1/(2k+1) for the atanh series and 1/k! for sin/cos, as double-doubles.
const ODD_RECIP: DD[] = Array.from({ length: 24 }, (_, k) => ddRecip(2 * k + 1));
const INV_FACT: DD[] = (() => {
  const out: DD[] = [[1, 0]];
  for (let k = 1; k <= 30; k++) out.push(ddMul(out[k - 1]!, ddRecip(k)));
  return out;
})();
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
// π/2 = C1 + C2 + C3 with C1, C2 of 33 bits (so k·C1, k·C2 are exact for |k| < 2^20).
const C1 = 1.5707963267341256;
const C2 = 6.077100506303966e-11;
const C3 = 2.0222662487959506e-21;

/**
 * ln x, correctly rounded except in rare near-halfway cases: x = m·2^e with m ∈ [√½, √2),
 * ln m = 2 atanh f = 2 Σ f^(2k+1)/(2k+1) with f = (m−1)/(m+1), |f| ≤ 0.172, in double-double.
 *
 * @example
 * logExact(0.5) // → -0.6931471805599453
 */
export function logExact(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  let e = Math.floor(Math.log2(x));
  let m = x / 2 ** e;
  if (m >= 2) { m /= 2; e += 1; } else if (m < 1) { m *= 2; e -= 1; }
  if (m > Math.SQRT2) { m /= 2; e += 1; }
  const num = m - 1; // exact (Sterbenz)
  const den = twoSum(m, 1);
  const q = num / den[0];
  const qd = twoProd(q, den[0]);
  const f: DD = twoSum(q, (num - qd[0] - qd[1] - q * den[1]) / den[0]);
  const s = ddMul(f, f);
  // Terms k ≥ 3 weigh ≤ s³/7 < 2^-18 of the sum: plain doubles suffice there (error < 2^-70).
  let tail = 0;
  for (let k = ODD_RECIP.length - 1; k >= 3; k--) tail = tail * s[0] + ODD_RECIP[k]![0];
  let acc: DD = [tail, 0];
  for (let k = 2; k >= 0; k--) acc = ddAdd(ddMul(acc, s), ODD_RECIP[k]!);
  const lnm = ddMul(ddMul(f, acc), [2, 0]);
  const r = ddAdd(ddMul(LN2, [e, 0]), lnm);
  return r[0] + r[1];
}

/** sin or cos of a reduced argument r (|r| ≤ π/4) as a double-double, by Taylor series. */
function sinCosReduced(r: DD, wantSin: boolean): DD {
  const r2 = ddMul(r, r);
  const neg: DD = [-r2[0], -r2[1]];
  const first = wantSin ? 1 : 0;
  // Terms from r^8/8! on weigh < 2^-17 of the sum at |r| ≤ π/4: doubles there, double-double below.
  let tail = 0;
  for (let k = first + 28; k >= first + 8; k -= 2) tail = tail * neg[0] + INV_FACT[k]![0];
  let acc: DD = [tail, 0];
  for (let k = first + 6; k >= first; k -= 2) acc = ddAdd(ddMul(acc, neg), INV_FACT[k]!);
  return wantSin ? ddMul(acc, r) : acc;
}

function sinCosExact(x: number, wantSin: boolean): number {
  if (!Number.isFinite(x) || Math.abs(x) > 1e5) return wantSin ? Math.sin(x) : Math.cos(x);
  const k = Math.round(x / (Math.PI / 2));
  // r = x − k·π/2, with the products exact and the subtractions tracked in double-double.
  let r = twoSum(x - k * C1, -k * C2);
  r = ddAdd(r, twoProd(-k, C3));
  const q = ((k % 4) + 4) % 4;
  const useSin = wantSin ? q % 2 === 0 : q % 2 === 1;
  const v = sinCosReduced(r, useSin);
  // sin: [s, c, −s, −c][q];  cos: [c, −s, −c, s][q]
  const negate = wantSin ? q >= 2 : q === 1 || q === 2;
  return negate ? -(v[0] + v[1]) : v[0] + v[1];
}

/**
 * sin x, correctly rounded except in rare near-halfway cases (|x| ≤ 1e5; larger falls back to Math.sin).
 *
 * @example
 * sinExact(Math.PI / 6) // → 0.49999999999999994
 */
export function sinExact(x: number): number {
  return sinCosExact(x, true);
}

/**
 * cos x, correctly rounded except in rare near-halfway cases (|x| ≤ 1e5; larger falls back to Math.cos).
 *
 * @example
 * cosExact(0) // → 1
 */
export function cosExact(x: number): number {
  return sinCosExact(x, false);
}
