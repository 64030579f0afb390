// Property tests explore new random cases on every local run; CI (CI=true) uses one fixed seed so
// that a submission's result is reproducible. A counterexample found locally becomes a plain test.
import fc from 'fast-check';

if (process.env.CI && process.env.CI !== 'false') fc.configureGlobal({ seed: 20261125 });
