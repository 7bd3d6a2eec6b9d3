#!/usr/bin/env node
// The only place that exits the process: runCli returns the exit code.
// The CLI is the CommonJS bundle `npm run build` writes, loaded through
// V8's code cache (see code-cache.js), one cache per command.  bin/ is
// CommonJS (bin/package.json): node starts a CommonJS entry ~5 ms sooner
// than an ES module.
'use strict';
const { join } = require('node:path');
const { requireWithCodeCache } = require('./code-cache.js');

const argv = process.argv.slice(2);
const cacheName = /^[a-z][a-z-]*$/.test(argv[0] ?? '') ? argv[0] : 'other';
const { exports: cli, saveCache } = requireWithCodeCache(join(__dirname, '../dist/bundle/syswire.cjs'), cacheName);

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
cli.runCli(argv, context).then((code) => {
  // A failed run (a usage error, say) compiled too little to be worth keeping.
  if (code === 0) saveCache();
  // Exit as soon as the output is out: letting node wind down on its own
  // tears the whole heap down first, ~15 ms for a run over two trees.
  const flushed = (stream, then) => (stream.writableLength === 0 ? then() : stream.write('', then));
  flushed(process.stdout, () => flushed(process.stderr, () => process.exit(code)));
});
