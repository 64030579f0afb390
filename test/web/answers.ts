/**
 * For the exercise tests: per exercise id, answers in another form than the expected one (must
 * be accepted) and a wrong answer (must be rejected). Unknown ids get generic rewrites.
 */
export interface AnswerCase {
  right: string[];
  wrong: string;
}

export const ANSWERS: Record<string, AnswerCase> = {
  '01-power-rule': { right: ['x*(3x-4)', '3x² − 4x'], wrong: '3x^2 - 4' },
  '01-derivative': { right: ['x*(3x-4)', '3x² − 4x'], wrong: '3x^2 - 4' },
  '01-gap': { right: ['10^-4', '0.0001'], wrong: '1e-3' },
  '02-antiderivative': { right: ['x^2*(x-2)', 'x^3 - 2x^2 + 7'], wrong: 'x^3 - x^2' },
  '03-angle': { right: ['90/2'], wrong: '44' },
  '03-rate': { right: ['2*sqrt(2)', 'sqrt(8)'], wrong: '2' },
  '03-gradient': { right: ['[1+1, 2]'], wrong: '(2, 3)' },
  '04-sigmoid-row': { right: ['p*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))'], wrong: 'q*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))' },
  '04-sigmoid-row1': { right: ['p*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))', 'p e^(p x + q y)/(1 + e^(p x + q y))^2'], wrong: 'q*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))' },
  '05-jacobian-in-backward': { right: ['W[l]ᵀ'], wrong: 'dz[l]' },
  '06-minimum': { right: ['1.3333333333'], wrong: '0' },
  '06-min': { right: ['8/6', '1.33333333333'], wrong: '0' },
  '06-kind-at-0': { right: ['Max', 'local maximum'], wrong: 'min' },
  '06-xexp': { right: ['2/2', '1.0'], wrong: '0' },
  '06-log': { right: ['0.0'], wrong: '1' },
  '07-six-points': { right: ['8/9', '0.888888888889'], wrong: '1' },
  '07-multipliers': { right: ['(0, 0), (1, 2), (2, 1)'], wrong: '(0,0), (1,2)' },
  '07-new-points': { right: ['0.888888888889'], wrong: '1' },
};

/** Cases for an exercise, generic when the id is not in the table. */
export function answerCase(ex: { id: string; answer: string | number; kind: string }): AnswerCase {
  const known = ANSWERS[ex.id];
  if (known) return known;
  const a = String(ex.answer);
  if (ex.kind === 'choice') return { right: [` ${a.toLowerCase()} `], wrong: 'none of these' };
  if (ex.kind === 'numeric' && !a.includes(',')) return { right: [`2*(${a})/2`], wrong: `(${a}) + 1` };
  if (ex.kind === 'numeric') return { right: [a], wrong: `(${a}) + 1` };
  return { right: [`2*(${a})/2`], wrong: `(${a}) + 1` };
}
