/** The course outline: the seven lessons in order (titles only; the pages load per lesson). */
export interface CourseEntry {
  id: number;
  slug: string;
  title: string;
  blurb: string;
}

export const COURSE: CourseEntry[] = [
  { id: 1, slug: '01-differential-calculus', title: 'Differential calculus', blurb: 'The derivative as the limit of a rate of change; the power rule.' },
  { id: 2, slug: '02-integration', title: 'Integration', blurb: 'The integral as a running sum; antiderivatives up to a constant.' },
  { id: 3, slug: '03-gradient', title: 'Gradient of a vector function', blurb: 'Partial derivatives and the direction of steepest ascent.' },
  { id: 4, slug: '04-jacobian', title: 'Jacobian', blurb: 'The matrix of partial derivatives of a vector-valued function.' },
  { id: 5, slug: '05-backpropagation', title: 'Backpropagation', blurb: 'Jacobians carry gradients backwards through a network.' },
  { id: 6, slug: '06-optimization', title: 'Optimization', blurb: "Extrema are where f′(x) = 0; telling maxima from minima." },
  { id: 7, slug: '07-svm', title: 'Support vector machine', blurb: 'The maximum-margin line as constrained optimization.' },
];
