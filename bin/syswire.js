#!/usr/bin/env node
// The only place that ends the process: runCli returns the exit code.
// The CLI is what `npm run build` (tsc) writes to dist/.
import { runCli } from '../dist/cli/run-cli.js';

// A reader that stops early (`syswire numbers | head`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const context = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
};
process.exitCode = await runCli(process.argv.slice(2), context);
