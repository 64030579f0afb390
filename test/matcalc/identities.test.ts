// The identity battery: standard results of The Matrix Cookbook (Petersen & Pedersen, 2012,
// §2) and the gradients of the course's losses. Each is checked symbolically (the derived closed
// form has the same normal form as the textbook answer) and then numerically three ways at random
// sizes: the derived formula evaluated, reverse-mode autodiff of the original, central differences
// — plus the textbook formula evaluated at the same point.
import { describe, expect, it } from 'vitest';
import { checkDerivative, derivative, hessian, parseMatrixExpr, sameExpression, toText, type MExpr } from '../../src/matcalc/index.js';

interface Identity {
  name: string;
  f: string;
  wrt: string;
  shapes: string;
  expected: string;
  order?: 1 | 2;
  dims?: Record<string, number>;
  symmetric?: string[];
  /** The printed form must be exactly the textbook's (as parsed and printed). */
  exact?: boolean;
}

const V = 'x:n a:n b:n c:n d:n A:n,n B:n,n C:n,n D:n,n X:n,n t: y:n';
const R = 'X:n,m a:n b:m c:m';

const cookbook: Identity[] = [
  // 2.4.1 first order, vectors
  { name: '(61) ∂aᵀx/∂x = a', f: "a'*x", wrt: 'x', shapes: V, expected: 'a', exact: true },
  { name: '(61) ∂xᵀa/∂x = a', f: "x'*a", wrt: 'x', shapes: V, expected: 'a', exact: true },
  { name: '∂xᵀx/∂x = 2x', f: "x'*x", wrt: 'x', shapes: V, expected: '2*x', exact: true },
  { name: '∂‖x‖²/∂x = 2x', f: 'norm(x)^2', wrt: 'x', shapes: V, expected: '2*x', exact: true },
  { name: '(129) ∂‖x‖/∂x = x/‖x‖', f: 'norm(x)', wrt: 'x', shapes: V, expected: 'x/norm(x)', exact: true },
  { name: '(130) ∂‖x − a‖/∂x = (x − a)/‖x − a‖', f: 'norm(x - a)', wrt: 'x', shapes: V, expected: '(x - a)/norm(x - a)' },
  { name: '(81) ∂xᵀBx/∂x = (B + Bᵀ)x', f: "x'*B*x", wrt: 'x', shapes: V, expected: "(B + B')*x", exact: true },
  { name: '∂xᵀBx/∂x = 2Bx for symmetric B', f: "x'*B*x", wrt: 'x', shapes: V, expected: '2*B*x', symmetric: ['B'], exact: true },
  { name: '(89) ∂(Bx + b)ᵀC(Dx + d)/∂x', f: "(B*x + b)'*C*(D*x + d)", wrt: 'x', shapes: V, expected: "B'*C*(D*x + d) + D'*C'*(B*x + b)" },
  { name: '∂xᵀA⁻¹x/∂x = (A⁻¹ + A⁻ᵀ)x', f: "x'*inv(A)*x", wrt: 'x', shapes: V, expected: "(inv(A) + inv(A)')*x" },
  { name: '(85) ∂(Ax − b)ᵀ(Ax − b)/∂x = 2Aᵀ(Ax − b)', f: "(A*x - b)'*(A*x - b)", wrt: 'x', shapes: V, expected: "2*A'*(A*x - b)", exact: true },
  // first order, matrices
  { name: '(70) ∂aᵀXb/∂X = abᵀ', f: "a'*X*b", wrt: 'X', shapes: R, expected: "a*b'", exact: true },
  { name: '(71) ∂aᵀXᵀb/∂X = baᵀ', f: "b'*X'*a", wrt: 'X', shapes: R, expected: "a*b'", exact: true },
  { name: '(72) ∂aᵀXa/∂X = aaᵀ', f: "a'*X*a", wrt: 'X', shapes: V, expected: "a*a'", exact: true },
  { name: '(77) ∂bᵀXᵀXc/∂X = X(bcᵀ + cbᵀ)', f: "b'*X'*X*c", wrt: 'X', shapes: R, expected: "X*(b*c' + c*b')" },
  { name: '∂‖X‖_F²/∂X = 2X', f: 'norm(X)^2', wrt: 'X', shapes: R, expected: '2*X', exact: true },
  { name: '(120) ∂‖X‖_F/∂X = X/‖X‖_F', f: 'norm(X)', wrt: 'X', shapes: R, expected: 'X/norm(X)', exact: true },
  // 2.5 traces
  { name: '(99) ∂tr(X)/∂X = I', f: 'tr(X)', wrt: 'X', shapes: V, expected: 'eye(n)', exact: true },
  { name: '(100) ∂tr(XA)/∂X = Aᵀ', f: 'tr(X*A)', wrt: 'X', shapes: V, expected: "A'", exact: true },
  { name: '(101) ∂tr(AXB)/∂X = AᵀBᵀ', f: 'tr(A*X*B)', wrt: 'X', shapes: V, expected: "A'*B'", exact: true },
  { name: '(102) ∂tr(AXᵀB)/∂X = BA', f: "tr(A*X'*B)", wrt: 'X', shapes: V, expected: 'B*A', exact: true },
  { name: '(103) ∂tr(XᵀA)/∂X = A', f: "tr(X'*A)", wrt: 'X', shapes: V, expected: 'A', exact: true },
  { name: '(104) ∂tr(AXᵀ)/∂X = A', f: "tr(A*X')", wrt: 'X', shapes: V, expected: 'A', exact: true },
  { name: '(106) ∂tr(X²)/∂X = 2Xᵀ', f: 'tr(X^2)', wrt: 'X', shapes: V, expected: "2*X'", exact: true },
  { name: '(107) ∂tr(X²B)/∂X = (XB + BX)ᵀ', f: 'tr(X*X*B)', wrt: 'X', shapes: V, expected: "X'*B' + B'*X'" },
  { name: '(108) ∂tr(XᵀBX)/∂X = BX + BᵀX', f: "tr(X'*B*X)", wrt: 'X', shapes: V, expected: "(B + B')*X" },
  { name: '(110) ∂tr(XBXᵀ)/∂X = XBᵀ + XB', f: "tr(X*B*X')", wrt: 'X', shapes: V, expected: "X*(B' + B)" },
  { name: '(112) ∂tr(XᵀX)/∂X = 2X', f: "tr(X'*X)", wrt: 'X', shapes: R, expected: '2*X', exact: true },
  { name: '(114) ∂tr(BXXᵀ)/∂X = (B + Bᵀ)X', f: "tr(B*X*X')", wrt: 'X', shapes: V, expected: "(B + B')*X" },
  { name: '(116) ∂tr(AXBX)/∂X = AᵀXᵀBᵀ + BᵀXᵀAᵀ', f: 'tr(A*X*B*X)', wrt: 'X', shapes: V, expected: "A'*X'*B' + B'*X'*A'" },
  { name: '(117) ∂tr(XᵀBXC)/∂X = BXC + BᵀXCᵀ', f: "tr(X'*B*X*C)", wrt: 'X', shapes: V, expected: "B*X*C + B'*X*C'" },
  { name: '(118) ∂tr(AXBXᵀC)/∂X = AᵀCᵀXBᵀ + CAXB', f: "tr(A*X*B*X'*C)", wrt: 'X', shapes: V, expected: "A'*C'*X*B' + C*A*X*B" },
  { name: '(121) ∂tr(X³)/∂X = 3(X²)ᵀ', f: 'tr(X^3)', wrt: 'X', shapes: V, expected: "3*X'*X'", exact: true },
  { name: '(124) ∂tr(AX⁻¹B)/∂X = −X⁻ᵀAᵀBᵀX⁻ᵀ', f: 'tr(A*inv(X)*B)', wrt: 'X', shapes: V, expected: "-inv(X)'*A'*B'*inv(X)'", exact: true },
  { name: '∂tr(X⁻¹)/∂X = −X⁻ᵀX⁻ᵀ', f: 'tr(inv(X))', wrt: 'X', shapes: V, expected: "-inv(X)'*inv(X)'", exact: true },
  // 2.1 determinants and inverses
  { name: '(49) ∂det(X)/∂X = det(X)X⁻ᵀ', f: 'det(X)', wrt: 'X', shapes: V, expected: "det(X)*inv(X)'", exact: true },
  { name: '(57) ∂log det(X)/∂X = X⁻ᵀ (SymPy answers 0)', f: 'log(det(X))', wrt: 'X', shapes: V, expected: "inv(X)'", exact: true },
  { name: '(51) ∂det(AXB)/∂X = det(AXB)X⁻ᵀ', f: 'det(A*X*B)', wrt: 'X', shapes: V, expected: "det(A*X*B)*inv(X)'" },
  { name: '(55) ∂log det(XᵀX)/∂X = 2X(XᵀX)⁻¹', f: "log(det(X'*X))", wrt: 'X', shapes: R, expected: "2*X*inv(X'*X)", dims: { n: 4, m: 2 } },
  { name: '(56) ∂det(X⁻¹)/∂X = −det(X⁻¹)X⁻ᵀ', f: 'det(inv(X))', wrt: 'X', shapes: V, expected: "-inv(X)'/det(X)" },
  { name: '(61) ∂aᵀX⁻¹b/∂X = −X⁻ᵀabᵀX⁻ᵀ', f: "a'*inv(X)*b", wrt: 'X', shapes: V, expected: "-inv(X)'*a*b'*inv(X)'", exact: true },
  { name: '(59) d(Y⁻¹)/dt = −Y⁻¹ (dY/dt) Y⁻¹ for Y = A + tB', f: 'inv(A + t*B)', wrt: 't', shapes: V, expected: '-inv(A + t*B)*B*inv(A + t*B)', exact: true },
  { name: '(46) d det(Y)/dt = det(Y) tr(Y⁻¹ dY/dt) for Y = A + tB', f: 'det(A + t*B)', wrt: 't', shapes: V, expected: 'det(A + t*B)*tr(inv(A + t*B)*B)', exact: true },
  // Jacobians (numerator layout, m×n)
  { name: '∂(Ax)/∂x = A', f: 'A*x', wrt: 'x', shapes: V, expected: 'A', exact: true },
  { name: '∂(x ⊙ a)/∂x = diag(a)', f: 'x .* a', wrt: 'x', shapes: V, expected: 'diag(a)', exact: true },
  { name: '∂x/∂x = I', f: 'x', wrt: 'x', shapes: V, expected: 'eye(n)', exact: true },
  { name: '∂σ(x)/∂x = diag(σ ⊙ (1 − σ))', f: 'sigmoid(x)', wrt: 'x', shapes: V, expected: 'diag(sigmoid(x) .* (1 - sigmoid(x)))', exact: true },
  { name: '∂tanh(Ax)/∂x = diag(1 − tanh²(Ax))A', f: 'tanh(A*x)', wrt: 'x', shapes: V, expected: 'diag(1 - tanh(A*x).^2)*A', exact: true },
  { name: '∂softmax(x)/∂x = diag(s) − ssᵀ', f: 'softmax(x)', wrt: 'x', shapes: V, expected: "diag(softmax(x)) - softmax(x)*softmax(x)'", exact: true },
  { name: '∂(xᵀa)x/∂x = xaᵀ + (aᵀx)I', f: "x*(a'*x)", wrt: 'x', shapes: V, expected: "x*a' + (a'*x)*eye(n)" },
  // elementwise and reductions
  { name: '∂sum(exp(x))/∂x = exp(x)', f: 'sum(exp(x))', wrt: 'x', shapes: V, expected: 'exp(x)', exact: true },
  { name: '∂sum(log(x))/∂x = 1 ⊘ x', f: 'sum(log(x))', wrt: 'x', shapes: V, expected: '1 ./ x', exact: true },
  { name: '∂aᵀ(x ⊙ x)/∂x = 2a ⊙ x', f: "a'*(x .* x)", wrt: 'x', shapes: V, expected: '2*a .* x', exact: true },
  { name: '∂1ᵀtanh(x)/∂x = 1 − tanh(x)²', f: "ones(n)'*tanh(x)", wrt: 'x', shapes: V, expected: '1 - tanh(x).^2', exact: true },
  { name: '∂lse(x)/∂x = softmax(x)', f: 'logsumexp(x)', wrt: 'x', shapes: V, expected: 'softmax(x)', exact: true },
  { name: '∂sum(softplus(x))/∂x = σ(x)', f: 'sum(softplus(x))', wrt: 'x', shapes: V, expected: 'sigmoid(x)', exact: true },
  { name: '∂aᵀrelu(x)/∂x = a ⊙ step(x)', f: "a'*relu(x)", wrt: 'x', shapes: V, expected: 'a .* step(x)', exact: true },
  { name: '∂xᵀdiag(a)x/∂a = x ⊙ x', f: "x'*diag(a)*x", wrt: 'a', shapes: V, expected: 'x.^2', exact: true },
  { name: '∂sum(a ⊘ x)/∂x = −a ⊘ x²', f: 'sum(a ./ x)', wrt: 'x', shapes: V, expected: '-a ./ x.^2', exact: true },
  { name: '∂tr(diag(x)A)/∂x = diag(A)', f: 'tr(diag(x)*A)', wrt: 'x', shapes: V, expected: 'diag(A)', exact: true },
  { name: '∂sum(X)/∂X = 1 1ᵀ', f: 'sum(X)', wrt: 'X', shapes: R, expected: 'ones(n, m)', exact: true },
  { name: '∂sum(X ⊙ X)/∂X = 2X', f: 'sum(X .* X)', wrt: 'X', shapes: R, expected: '2*X', exact: true },
  // Hessians (n×n)
  { name: 'H(xᵀBx) = B + Bᵀ', f: "x'*B*x", wrt: 'x', shapes: V, expected: "B + B'", order: 2, exact: true },
  { name: 'H(‖Ax − b‖²) = 2AᵀA', f: 'norm(A*x - b)^2', wrt: 'x', shapes: V, expected: "2*A'*A", order: 2, exact: true },
  { name: 'H(‖x‖²) = 2I', f: 'norm(x)^2', wrt: 'x', shapes: V, expected: '2*eye(n)', order: 2, exact: true },
  { name: 'H(aᵀx) = 0', f: "a'*x", wrt: 'x', shapes: V, expected: 'zeros(n, n)', order: 2, exact: true },
  { name: 'H(lse(x)) = diag(s) − ssᵀ', f: 'logsumexp(x)', wrt: 'x', shapes: V, expected: "diag(softmax(x)) - softmax(x)*softmax(x)'", order: 2, exact: true },
  { name: 'H(‖x‖) = (I − xxᵀ/‖x‖²)/‖x‖', f: 'norm(x)', wrt: 'x', shapes: V, expected: "eye(n)/norm(x) - x*x'/norm(x)^3", order: 2, exact: true },
];

const L = 'X:n,m w:m y:n lambda: W:k,d x:d b:k yk:k W1:h,d W2:k,h';
const course: Identity[] = [
  { name: 'least squares ‖Xw − y‖²', f: 'norm(X*w - y)^2', wrt: 'w', shapes: L, expected: "2*X'*(X*w - y)", exact: true },
  { name: 'least squares, mean over n samples', f: 'norm(X*w - y)^2/n', wrt: 'w', shapes: L, expected: "2*X'*(X*w - y)/n", exact: true },
  { name: 'least squares by X (the data)', f: 'norm(X*w - y)^2', wrt: 'X', shapes: L, expected: "2*(X*w - y)*w'", exact: true },
  { name: 'least squares Hessian 2XᵀX', f: 'norm(X*w - y)^2', wrt: 'w', shapes: L, expected: "2*X'*X", order: 2, exact: true },
  { name: 'ridge ‖Xw − y‖² + λ‖w‖²', f: 'norm(X*w - y)^2 + lambda*norm(w)^2', wrt: 'w', shapes: L, expected: "2*X'*(X*w - y) + 2*lambda*w", exact: true },
  { name: 'ridge Hessian 2(XᵀX + λI)', f: 'norm(X*w - y)^2 + lambda*norm(w)^2', wrt: 'w', shapes: L, expected: "2*X'*X + 2*lambda*eye(m)", order: 2 },
  { name: 'logistic (cross-entropy of σ(Xw))', f: "-y'*log(sigmoid(X*w)) - (1 - y)'*log(1 - sigmoid(X*w))", wrt: 'w', shapes: L, expected: "X'*(sigmoid(X*w) - y)", exact: true },
  { name: 'logistic (softplus form)', f: "sum(softplus(X*w)) - y'*X*w", wrt: 'w', shapes: L, expected: "X'*(sigmoid(X*w) - y)", exact: true },
  { name: 'logistic (log(1 + eᶻ) written out: folds back to σ)', f: "sum(log(1 + exp(X*w))) - y'*X*w", wrt: 'w', shapes: L, expected: "X'*(sigmoid(X*w) - y)", exact: true },
  { name: 'logistic with ±1 labels (folds to σ(−y ⊙ Xw))', f: 'sum(log(1 + exp(-y .* (X*w))))', wrt: 'w', shapes: L, expected: "-X'*(y .* sigmoid(-y .* (X*w)))", exact: true },
  { name: 'logistic Hessian Xᵀdiag(σ(1 − σ))X', f: "sum(softplus(X*w)) - y'*X*w", wrt: 'w', shapes: L, expected: "X'*diag(sigmoid(X*w) .* (1 - sigmoid(X*w)))*X", order: 2, exact: true },
  { name: 'softmax cross-entropy (lse form) by W', f: "logsumexp(W*x) - yk'*W*x", wrt: 'W', shapes: L, expected: "(softmax(W*x) - yk)*x'", exact: true },
  { name: 'softmax cross-entropy −yᵀlog softmax(Wx) by W (1ᵀy = 1 gives (s − y)xᵀ)', f: "-yk'*log(softmax(W*x))", wrt: 'W', shapes: L, expected: "(sum(yk)*softmax(W*x) - yk)*x'", exact: true },
  { name: 'softmax cross-entropy by the bias', f: "logsumexp(W*x + b) - yk'*(W*x + b)", wrt: 'b', shapes: L, expected: 'softmax(W*x + b) - yk', exact: true },
  { name: 'two-layer MLP, output weights', f: 'norm(W2*tanh(W1*x) - yk)^2', wrt: 'W2', shapes: L, expected: "2*(W2*tanh(W1*x) - yk)*tanh(W1*x)'", exact: true },
  {
    name: 'two-layer MLP, hidden weights',
    f: 'norm(W2*tanh(W1*x) - yk)^2',
    wrt: 'W1',
    shapes: L,
    expected: "2*((W2'*(W2*tanh(W1*x) - yk)) .* (1 - tanh(W1*x).^2))*x'",
  },
  { name: 'two-layer ReLU MLP with softmax cross-entropy, hidden weights', f: "logsumexp(W2*relu(W1*x)) - yk'*W2*relu(W1*x)", wrt: 'W1', shapes: L, expected: "((W2'*(softmax(W2*relu(W1*x)) - yk)) .* step(W1*x))*x'" },
  { name: 'batch least squares sum((XW − Y)²)', f: 'sum((X*W1 - Y).^2)', wrt: 'W1', shapes: 'X:n,d W1:d,h Y:n,h', expected: "2*X'*(X*W1 - Y)", exact: true },
  { name: 'weighted least squares (Xw − y)ᵀD(Xw − y), D symmetric', f: "(X*w - y)'*D*(X*w - y)", wrt: 'w', shapes: `${L} D:n,n`, symmetric: ['D'], expected: "2*X'*D*(X*w - y)", exact: true },
  { name: 'Gaussian log-likelihood by the mean', f: "-(x - b2)'*inv(S)*(x - b2)/2", wrt: 'b2', shapes: 'x:d b2:d S:d,d', symmetric: ['S'], expected: 'inv(S)*(x - b2)' },
  { name: 'Gaussian log-likelihood by the covariance', f: "-log(det(S))/2 - (x - b2)'*inv(S)*(x - b2)/2", wrt: 'S', shapes: 'x:d b2:d S:d,d', expected: "(inv(S)'*(x - b2)*(x - b2)'*inv(S)' - inv(S)')/2" },
  { name: 'Rayleigh quotient xᵀAx/xᵀx', f: "x'*A*x/(x'*x)", wrt: 'x', shapes: 'x:n A:n,n', symmetric: ['A'], expected: "2*A*x/(x'*x) - 2*(x'*A*x)*x/(x'*x)^2" },
];

function run(list: Identity[]): void {
  for (const id of list) {
    it(id.name, () => {
      const opts = { symmetric: id.symmetric };
      const f = parseMatrixExpr(id.f, id.shapes, opts);
      const x = parseMatrixExpr(id.wrt, id.shapes, opts);
      const expected = parseMatrixExpr(id.expected, id.shapes, opts);
      const d: MExpr = id.order === 2 ? hessian(f, x) : derivative(f, x);
      // 1. symbolic: same normal form as the textbook answer (and, where marked, the same print).
      expect(sameExpression(d, expected), `${toText(d)}  vs  ${toText(expected)}`).toBe(true);
      if (id.exact) expect(toText(d)).toBe(toText(expected));
      // 2. numeric, three ways (and the textbook formula at the same point), at two random points.
      for (const seed of [1, 2]) {
        const r = checkDerivative(f, x, { order: id.order, seed, dims: id.dims, expected, derived: d });
        expect(r.errors.autodiff, 'autodiff').toBeLessThanOrEqual(1e-9);
        expect(r.errors.finiteDifference, 'finite differences').toBeLessThanOrEqual(id.order === 2 ? 1e-4 : 1e-5);
        expect(r.errors.expected!, 'textbook formula').toBeLessThanOrEqual(1e-9);
        expect(r.ok).toBe(true);
      }
    });
  }
}

describe('The Matrix Cookbook identities', () => run(cookbook));
describe('the course losses', () => run(course));

it('the battery holds at least 60 identities', () => {
  expect(cookbook.length + course.length).toBeGreaterThanOrEqual(60);
});
