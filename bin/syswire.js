#!/usr/bin/env node
// The only place that exits the process: runCli returns the exit code.
import { runCli } from '../dist/bundle/run-cli.js';

// A reader that stops early (`syswire numbers | head`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
});
