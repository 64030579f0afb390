/**
 * Number formatting that matches Python, so that lessons print what the original listings print.
 *
 * @example
 * pyRepr(2) // → '2.0'
 * pyRepr(1e-5) // → '1e-05'
 */
export function pyRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  // Python's repr switches to exponent notation when the exponent is < -4 or >= 16.
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const s = x.toExponential(); // shortest round-trip digits, like repr
    const [mant, exp] = s.split('e');
    const e = Number(exp);
    const sign = e < 0 ? '-' : '+';
    const digits = String(Math.abs(e)).padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  const s = String(x);
  if (s.includes('e')) {
    // JS uses exponents from 1e21; Python from 1e16. Expand to plain digits for 1e16 <= x < 1e21
    // is handled above, so here only tiny cases remain.
    return s;
  }
  return Number.isInteger(x) ? `${s}.0` : s;
}

/**
 * NumPy's default print of a 1-D float array (`print(np.array([...]))`), precision 8, as used by
 * the course listings.
 *
 * @example
 * numpyArrayString([2/3, 2/3, -1]) // → '[ 0.66666667  0.66666667 -1.        ]'
 */
export function numpyArrayString(values: ArrayLike<number>, precision = 8): string {
  const xs = Array.from(values);
  if (xs.length === 0) return '[]';
  const finite = xs.filter((v) => Number.isFinite(v));
  const allInt = finite.every((v) => Number.isInteger(v));
  // NumPy formats every element with the same number of fractional digits: the most any element
  // needs (up to `precision`), and pads to a common width; integers-valued floats print as "1."
  const fracDigits = (v: number): string => {
    const fixed = v.toFixed(precision);
    return fixed.replace(/0+$/, '');
  };
  let body: string[];
  if (allInt) {
    body = xs.map((v) => (Number.isFinite(v) ? `${v}.` : pyRepr(v)));
  } else {
    const trimmed = xs.map((v) => (Number.isFinite(v) ? fracDigits(v) : pyRepr(v)));
    const maxFrac = Math.max(...trimmed.map((s) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0)));
    body = trimmed.map((s) => {
      if (!s.includes('.')) return s;
      const frac = s.length - s.indexOf('.') - 1;
      return s + ' '.repeat(maxFrac - frac);
    });
  }
  const hasNeg = xs.some((v) => v < 0 || Object.is(v, -0));
  const width = Math.max(...body.map((s) => s.replace(/^-/, '').length)) + (hasNeg ? 1 : 0);
  return `[${body.map((s) => s.padStart(width)).join(' ')}]`;
}
