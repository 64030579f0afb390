import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArgumentError } from '../../core/errors.js';
import { getLesson, lessons } from '../../lessons/index.js';
import { figurePNG } from '../../plot/png.js';
import type { CliIO } from '../io.js';
import { createProgress } from '../progress.js';

/** Print a lesson's output lines and save its figures to `outDir`. */
export function runLesson(id: number, outDir: string | null, io: CliIO): void {
  const lesson = getLesson(id);
  if (!lesson) {
    const have = lessons.map((l) => l.id).join(', ') || 'none yet';
    throw new ArgumentError(`no lesson ${id}: lessons available are ${have}`);
  }
  // A bar on stderr while the lesson computes, only when the output goes to a terminal.
  const bar = createProgress({ label: `lesson ${id}`, enabled: process.stdout.isTTY === true });
  let run;
  try {
    run = lesson.run({ onProgress: bar.update });
  } finally {
    bar.done();
  }
  for (const line of run.lines) io.out(line);
  if (!outDir) return;
  // `figures` may be a getter that builds the plots: read it once.
  const figures = run.figures;
  if (figures.length) {
    // Kernel pseudo file systems are no place for figures, and mkdir under /proc spins in Node.
    if (/^\/(proc|sys|dev)(\/|$)/.test(resolve(outDir))) throw new ArgumentError(`cannot create the output folder '${outDir}': it is inside a system folder (/proc, /sys, /dev)`);
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (e) {
      throw new ArgumentError(`cannot create the output folder '${outDir}': ${(e as Error).message}`);
    }
    for (const { name, figure } of figures) {
      const path = join(outDir, `${name}.svg`);
      writeFileSync(path, figure.toSVG());
      io.err(`wrote ${path}`);
      const png = join(outDir, `${name}.png`);
      writeFileSync(png, figurePNG(figure));
      io.err(`wrote ${png}`);
    }
  }
}

export function register(program: Command, io: CliIO): void {
  program
    .command('lesson')
    .description('run a lesson of the course (1-7): print its numbers and save its figures')
    .argument('<n>', 'lesson number')
    .option('-o, --out <dir>', 'folder for the figures', 'nabla-out')
    .option('--no-figures', 'do not write figures')
    .action((n: string, opts: { out: string; figures: boolean }) => {
      const id = Number(n);
      if (!Number.isInteger(id)) throw new ArgumentError(`lesson number must be 1-7, got '${n}'`);
      runLesson(id, opts.figures ? opts.out : null, io);
    });
  program
    .command('start')
    .description('run every lesson in the terminal and write their figures to ./nabla-out/')
    .option('-o, --out <dir>', 'folder for the figures', 'nabla-out')
    .action((opts: { out: string }) => {
      for (const lesson of lessons) {
        io.out(`\n=== Lesson ${String(lesson.id).padStart(2, '0')}: ${lesson.title} ===`);
        runLesson(lesson.id, opts.out, io);
      }
    });
}
