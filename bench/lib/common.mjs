// Helpers shared by the bench scripts: the library under test, medians and CPU time.

/** The built library: ../dist/index.js, or the build NABLA_DIST points at. */
export const nabla = await import(process.env.NABLA_DIST ?? new URL('../../dist/index.js', import.meta.url).href);

/** The median of a list of numbers (the upper one for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** This process's CPU time in ms (user + system): robust when other jobs share the cores. */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
