import { it } from 'vitest';
import { parse } from '../../src/symbolic/parse.js';
import { symbol, OO, NEG_OO } from '../../src/symbolic/expr.js';
import { toString } from '../../src/symbolic/print-text.js';
import { integrate } from '../../src/symbolic/integrate.js';
import { limit } from '../../src/symbolic/limit.js';
import { series } from '../../src/symbolic/series.js';
import { solve } from '../../src/symbolic/solve.js';
import { criticalPoints } from '../../src/symbolic/critical.js';

const x = symbol('x');
const I = ['x^2*exp(3*x)', 'exp(2*x)*sin(3*x)', '1/(x^2+9)', '1/(x^2-4)', 'x/(x^2+4)^2', 'sqrt(9-x^2)', '1/sqrt(9-x^2)', 'x^3*log(x)', 'sin(3*x)^2', 'cos(x)^4', 'sec(x)*tan(x)', '1/(1+exp(2*x))', 'x*sec(x)^2', 'x^2*atan(x)', 'log(x)/sqrt(x)', 'sqrt(x)*log(x)', '1/(x^2*sqrt(x^2+1))', 'x^2/sqrt(1-x^2)', 'exp(x)*cos(x)^2', '(x+1)*exp(x)', '5^x', 'x*2^x', 'exp(x)/(exp(x)+2)', '1/(x*(1+log(x)^2))', 'cos(x)*exp(sin(x))', 'sin(x)^5', 'cot(x)^2', 'tanh(2*x)', 'sinh(3*x)*x', '1/(9*x^2+6*x+5)', '(x^3+1)/(x^2-x)', 'x*(x+1)^(1/2)', 'exp(-3*x^2)*x', 'log(2*x+1)', 'atan(2*x)', 'acot(x)', '1/x^3', '2^(3*x+1)', '(1+x^2)^(-3/2)', 'x^2*exp(-x)', 'exp(-x)*sin(2*x)', 'sin(x)^4', 'cos(x)^3', 'tan(x)^2', 'sec(x)^3', 'tan(x)^3', 'sin(x)^2*cos(x)^2', 'csc(x)', 'cot(x)',
  '1/(x^2+4*x+5)', '(x+1)/(x^2+1)^2', '1/(x^4-1)', '1/(x^4+1)', 'x^2/(x^2-4)', '1/(x*(x^2+1))', '1/(x^2+x+1)^2', '(3*x+2)/(x^2-2*x+2)',
  'sqrt(4-x^2)', '1/sqrt(4-x^2)', '1/sqrt(x^2+4)', 'sqrt(x^2+1)', 'x*sqrt(x^2+1)', '1/sqrt(x^2-1)', 'sqrt(x^2-1)', 'x^2*sqrt(x)', 'sqrt(2*x+1)', '1/(1+sqrt(x))',
  'exp(2*x)*cos(x)', 'x*cos(2*x)', 'x^3*sin(x)', 'x*log(x)^2', 'log(x)/x^2', 'atan(x)/(1+x^2)', 'asin(x)/sqrt(1-x^2)', 'acos(x)', 'x*exp(x)*sin(x)',
  'exp(x)*(1+exp(x))^3', 'exp(x)/(1+exp(2*x))', 'cosh(x)*sinh(x)', 'sinh(x)^2', 'x*cosh(x)', '1/cosh(x)^2', 'tanh(x)^2', '1/(exp(x)+exp(-x))',
  'sin(3*x)*sin(x)', 'cos(2*x)*cos(5*x)', 'sin(x)*cos(x)^5', 'exp(-2*x^2)', 'exp(-x^2+2*x)', 'sin(2*x)/x', 'x^x', 'exp(x^2)', 'sin(x^2)', '1/log(x)', 'log(log(x))',
  'x/(1+x^4)', 'x^3/(1+x^4)', '2*x*cos(x^2)', 'cos(x)/(1+sin(x)^2)', 'sin(x)/(1+cos(x))', '1/(1+cos(x))', '1/(2+sin(x))', 'log(x)^3', 'x^5*exp(x)', 'abs(x)',
  '(x^2+1)/(x^3+3*x)', 'exp(x)*sin(x)*cos(x)', '1/(x^2-5)', 'x/(x-1)^3', 'erf(x)', 'sigmoid(x)', 'x*sin(x)^2', 'sqrt(1-x^2)*x^2', 'log(x^2-1)', '1/(x*sqrt(x^2-1))', 'sqrt(x)/(1+x)'];
it('integrals', () => {
  for (const s of I) {
    const t0 = performance.now();
    const r = integrate(parse(s), x, { steps: true });
    console.log(`${(performance.now() - t0).toFixed(1)}ms ∫ ${s} = ${r.method === 'symbolic' ? toString(r.value) : 'UNEVALUATED ' + r.reason}`);
  }
});
const D: Array<[string, string, string]> = [['sin(x)^2', '0', 'pi'], ['x*exp(x)', '0', '1'], ['cos(x)', '0', 'pi/2'], ['exp(-2*x)', '0', 'oo'], ['1/sqrt(1-x^2)', '0', '1'], ['x^2*exp(-x)', '0', 'oo'], ['log(x)^2', '0', '1'], ['1/(x^2+4)', '-oo', 'oo'], ['x/(1+x^2)', '0', 'oo'], ['1/x^3', '1', 'oo'], ['exp(x)', '-oo', '0'], ['1/(1+cos(x))', '0', '3'], ['1/(2+sin(x))', '0', '2*pi'], ['1/x^2', '-1', '1'], ['1/x', '-1', '1'], ['tan(x)', '0', 'pi'], ['1/(x^2-1)', '0', '2'], ['1/sqrt(1-x^2)', '-1', '1'], ['exp(-x)', '0', 'oo'], ['1/x^2', '1', 'oo'], ['1/x', '1', 'oo'], ['sin(x)/x', '0', 'oo'], ['x^2*exp(-x^2)', '-oo', 'oo'], ['1/(1+x^2)', '-oo', 'oo'], ['log(x)/x', '1', 'e'], ['sec(x)^2', '0', 'pi/4'], ['abs(x)', '-1', '2'], ['1/x', '-2', '-1'], ['exp(x)*sin(x)', '0', 'pi']];
it('definite', () => {
  for (const [e, a, b] of D) {
    try {
      const r = integrate(parse(e), [x, a, b], { steps: true, numeric: true });
      console.log(`∫_${a}^${b} ${e} = ${toString(r.value)} [${r.method}] ${r.reason ?? ''}`);
    } catch (err) { console.log(`∫_${a}^${b} ${e}: ERROR ${(err as Error).message}`); }
  }
});
const L: Array<[string, string, string?]> = [['(1+x)^(1/x)', '0'], ['tan(x)/x', '0'], ['sin(3*x)/(5*x)', '0'], ['x^2*exp(-x)', 'oo'], ['log(x)/x', 'oo'], ['(x-1)/(sqrt(x)-1)', '1'], ['(3*x^2+2)/(x^2-1)', 'oo'], ['(1-1/x)^x', 'oo'], ['x*sin(1/x)', 'oo'], ['(exp(x)-1-x)/x^2', '0'], ['x/exp(x)', 'oo'], ['log(x)', '0', '+'], ['exp(1/x)', '0', '-'], ['exp(1/x)', '0', '+'], ['(2*x+1)/(x-3)', '3', '+'], ['sqrt(x+1)-sqrt(x)', 'oo'], ['cos(x)', 'oo'], ['x*cos(x)', 'oo'], ['(x^3-8)/(x-2)', '2'], ['sin(x)^2/x^2', '0'], ['1/x', '0'], ['1/x', '0', '+'], ['1/x^2', '0'], ['sin(x)/x', 'oo'], ['x*sin(1/x)', '0'], ['(x^2+1)/(2*x^2-x)', 'oo'], ['sqrt(x^2+x)-x', 'oo'], ['(1-cos(x))/x', '0'], ['x^x', '0', '+'], ['(1+2/x)^(3*x)', 'oo'], ['log(x)/x^2', 'oo'], ['exp(x)/x^5', 'oo'], ['exp(-1/x)', '0', '+'], ['tan(x)', 'pi/2', '-'], ['(sin(x)-x)/x^3', '0'], ['atan(x)', '-oo'], ['x^2*exp(x)', '-oo'], ['(2^x-1)/x', '0'], ['log(1+x)/x', '0'], ['sqrt(x)', '0'], ['abs(x)/x', '0'], ['(x-sin(x))/(x-tan(x))', '0']];
it('limits', () => {
  for (const [e, to, d] of L) {
    try {
      const r = limit(parse(e), x, parse(to), (d ?? '+-') as '+');
      console.log(`lim ${e} → ${to}${d ?? ''} = ${toString(r)}`);
    } catch (err) { console.log(`lim ${e} → ${to}: ERROR ${(err as Error).message}`); }
  }
});
const S: Array<[string, number | string, number]> = [['cos(x)', 0, 8], ['exp(2*x)', 0, 5], ['log(1-x)', 0, 5], ['x/(exp(x)-1)', 0, 6], ['sin(x)^2', 0, 7], ['exp(-x^2)', 0, 7], ['sqrt(x)', 1, 4], ['1/(1+x)', 0, 5], ['cosh(x)', 0, 6], ['tan(x)', 'pi/4', 3], ['exp(x)', 1, 4], ['log(x)', 1, 5], ['sqrt(1+x)', 0, 5], ['1/x', 1, 4], ['sin(x)/x', 0, 6], ['1/sin(x)', 0, 4], ['atan(x)', 0, 8], ['asin(x)', 0, 8], ['exp(sin(x))', 0, 6], ['cos(x)', 'pi', 4], ['x^3-2*x', 2, 5], ['sinh(x)', 0, 6], ['1/(1+x^2)', 0, 8], ['erf(x)', 0, 6], ['log(cos(x))', 0, 7]];
it('series', () => {
  for (const [e, a, n] of S) {
    try { console.log(`series ${e} at ${a}: ${toString(series(parse(e), x, typeof a === 'string' ? parse(a) : a, n))}`); }
    catch (err) { console.log(`series ${e}: ERROR ${(err as Error).message}`); }
  }
});
const V = ['2*x^2-3*x-2', 'x^3-x', 'log(x)-2', 'exp(2*x)-5', 'x^4-16', 'sqrt(x)-x+2', 'x*exp(x)-1', 'cos(x)-x', 'x^3+x^2+x+1', '4*x^4-17*x^2+4', 'x^3-3*x^2+3*x-1', 'x^2-x-1', '3*x^3-x^2-3*x+1', 'exp(x)-exp(-x)', 'log(x^2)-2', 'x^2-5*x+6', 'x^3-2', 'x^4-2*x^2-1', 'x^3-3*x+1', 'x^5-x-1', 'log(x)-1', 'exp(2*x)-3', 'sin(x)-1/2', 'cos(x)', 'x*exp(x)', 'sqrt(x)-3', '(x-1)^2', 'x^2+x+1', 'tan(x)-1', 'x^6-1', 'exp(x)+1', '2^x-8', 'x*log(x)', 'x^3+x', 'x/(x^2+1)', '1/(x-1)-2'];
it('solve', () => {
  for (const e of V) {
    try { console.log(`solve ${e} = 0: [${solve(e, 'x').map(toString).join(', ')}]`); }
    catch (err) { console.log(`solve ${e}: ERROR ${(err as Error).message}`); }
  }
});
it('critical', () => {
  for (const e of ['x^3-2*x^2+1', 'log(x)', 'x^4', 'x^3', 'x*exp(-x)', 'sin(x)', 'x^2+y^2', 'x^3-3*x+y^2', 'x*y', 'x^2*y+y^3-3*y', 'x+1/x']) {
    try {
      const r = criticalPoints(e);
      console.log(`critical ${e}: ${r.points.map((p) => `${JSON.stringify(Object.fromEntries(Object.entries(p.point).map(([k, v]) => [k, toString(v)])))} ${p.kind} (${p.test})`).join('; ')} ${r.reason ?? ''}`);
    } catch (err) { console.log(`critical ${e}: ERROR ${(err as Error).message}`); }
  }
});
