/** Modules the build makes (web/first-outputs.ts): lesson N's starting code's output. */
declare module 'virtual:nabla-first-output/*' {
  const output: import('./first-output.js').FirstOutput;
  export default output;
}
