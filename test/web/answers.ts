/**
 * The equivalent-answer table: per exercise id, answers a learner may type that are correct
 * (each must be accepted), wrong answers (each must be rejected), and for some wrong answers the
 * words the feedback must contain (the likely mistake named). Used by the Node checker test and by
 * the browser test, which types every entry into the page.
 */
export interface AnswerCase {
  right: string[];
  wrong: string[];
  /** Wrong answer → a fragment its feedback must contain. */
  feedback?: Record<string, string | RegExp>;
}

export const ANSWERS: Record<string, AnswerCase> = {
  '01-power-rule': {
    right: ['3*x^2 - 4*x', 'x*(3x-4)', '3x² − 4x', "f'(x) = 3x^2 - 4x", '3 x^2 - 4 x', '-4x + 3x^2', '(3x-4)x', 'x(3x - 4)'],
    wrong: ['3x^2 - 4', '3x^2 - 4x + 1', '-3x^2 + 4x', '6x^2 - 8x', 'x^3 - 2x^2', 'x^4/4 - 2x^3/3 + x'],
    feedback: { '3x^2 - 4x + 1': 'constant', '-3x^2 + 4x': 'sign', '6x^2 - 8x': 'factor' },
  },
  '01-gap': { right: ['1e-4', '10^-4', '0.0001', '1/10000', '1.00e-4'], wrong: ['1e-3', '0', '-1e-4'], feedback: { '-1e-4': 'sign' } },
  '02-antiderivative': {
    right: ['x^3 - 2x^2', 'x^2*(x-2)', 'x^3 - 2x^2 + 7', 'x^3 - 2x^2 + C', 'x^3 - 2x^2 + c', 'x^3-2x^2+K', 'x³ − 2x² + C', 'F(x) = x^3 - 2x^2 + C', 'x^3 - 2*x^2 - 1200'],
    wrong: ['x^3 - x^2', '6x - 4', '3x^2 - 4x', 'x^3 - 4x^2', 'x^3 - 2x^2 + C*x', 'x^3 - 2x^2 + y'],
    feedback: { '6x - 4': 'derivative of', '3x^2 - 4x': 'f itself', 'x^3 - 4x^2': 'divide by', 'x^3 - 2x^2 + y': "'y'" },
  },
  '03-angle': {
    right: ['45', '45°', '45 °', '45 degrees', '45 deg', '45.0', '90/2', '45.02'],
    wrong: ['44', 'pi/4', '0.785', '225', '135'],
    feedback: { 'pi/4': 'radians', '0.785': 'radians', '225': 'decrease' },
  },
  '03-rate': {
    right: ['2*sqrt(2)', 'sqrt(8)', '2√2', '√8', '2.83', '2.828', '2.8284'],
    wrong: ['2', '2.8', '2.82', '8', '4', '-2.83'],
    feedback: { '2.8': 'significant digits', '8': 'square root', '-2.83': 'sign' },
  },
  '03-gradient': { right: ['(2, 2)', '[1+1, 2]', '2, 2', '(2.0, 2.00)'], wrong: ['(2, 3)', '(1, 1)', '2'] },
  '04-sigmoid-row1': {
    right: [
      'p*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))',
      'p σ(px+qy)(1−σ(px+qy))',
      'p*σ(px+qy)*(1-σ(px+qy))',
      'p e^(p x + q y)/(1 + e^(p x + q y))^2',
      'p*exp(-p*x - q*y)/(1 + exp(-p*x - q*y))^2',
    ],
    wrong: ['q*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))', 'sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))', '-p*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))', 'p*sigmoid(p*x+q*y)'],
    feedback: { 'sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))': 'Chain rule', 'q*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))': 'with respect to', '-p*sigmoid(p*x+q*y)*(1-sigmoid(p*x+q*y))': 'sign' },
  },
  '05-jacobian-in-backward': {
    right: ['W[l].T', 'W[l]ᵀ', 'w[l].t', 'W[l]^T', 'the transpose of W[l]'],
    wrong: ['dz[l]', 'a[l-1].T', 'db[l]'],
    feedback: { 'a[l-1].T': 'weights' },
  },
  '06-min': {
    right: ['4/3', '8/6', '1.3333333333', '1.333', '1.33', 'x = 4/3', '1 + 1/3'],
    wrong: ['0', '1.3', '1.34', '-5/27', '2'],
    feedback: { '0': 'maximum', '1.3': 'significant digits', '-5/27': 'value' },
  },
  '06-kind-at-0': {
    right: ['max', 'Max', 'maximum', 'local maximum', 'a local maximum', 'a maximum', 'local max', 'the local maximum.'],
    wrong: ['min', 'a local minimum', 'neither'],
    feedback: { min: 'sign of' },
  },
  '06-log': { right: ['0', '0.0', 'zero', 'none', 'None', 'no critical points'], wrong: ['1', 'one', '2'] },
  '06-xexp': { right: ['1', '1.0', '2/2', 'x = 1', '1.00'], wrong: ['0', '-1', 'exp(-1)', 'e'], feedback: { 'exp(-1)': 'value', '-1': 'sign' } },
  '07-six-points': {
    right: ['8/9', '0.888888888889', '0.889', '0.8889', '16/18'],
    wrong: ['1', '0.89', '0.88', '2/3', '0.8'],
    feedback: { '0.89': 'significant digits', '2/3': 'objective' },
  },
  '07-multipliers': {
    right: ['(0,0), (1,2), (2,1)', '(1,2), (2,1), (0,0)', '(0,0) (1,2) (2,1)', '(0,0), (1,2) and (2,1)', '(2, 1); (0, 0); (1, 2)', '(0,0),(1,2),(2,1)'],
    wrong: ['(0,0), (1,2)', '(0,0), (1,2), (2,1), (3,3)', '(-1,-1), (-3,-1), (3,3)', 'all of them'],
    feedback: { '(0,0), (1,2)': 'missing', '(0,0), (1,2), (2,1), (3,3)': 'multiplier is 0' },
  },
};
