#!/usr/bin/env node
import { processIO } from './io.js';
import { runCli } from './program.js';

// A reader that stops early (`nabla lesson 5 | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

runCli(process.argv.slice(2), processIO).then((code) => {
  process.exitCode = code;
});
