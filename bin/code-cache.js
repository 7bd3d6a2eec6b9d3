// Load a CommonJS bundle through V8's code cache.
//
// Node 20 has no module compile cache (module.enableCompileCache is 22.1+),
// so every run parses the 0.7 MB CLI bundle again and compiles each function
// it calls.  Here the bundle is compiled as a vm.Script with the cached data
// V8 produced on an earlier run of the same command: parsing is skipped and
// the functions that run compiled then are deserialized instead of compiled.
//
// One cache file per command, in dist/bundle/code-cache/, named after the
// bundle file's identity (inode, size, mtime and ctime to the nanosecond)
// and the node version: a rebuilt bundle or another node never meets a
// cache made for something else (V8 itself only checks the source length).
// The file's identity stands in for a hash of its content, which would cost
// ~2 ms plus loading node's crypto module, more than lint or numbers need.  When there is no
// cache, or V8 rejects it, the caller saves one after the command has run
// (bin/syswire.js does so after a run that succeeded), atomically: a
// temporary file, then rename, so parallel runs never read half a file.
// Nothing is written when the directory is read-only; the bundle then
// simply runs without a cache.
'use strict';
const { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * require() `file` (a CommonJS bundle) using the code cache kept for `name`.
 * Returns its exports, whether V8 took a cache, and `saveCache()`, to call
 * after the work is done; it reports whether it wrote a cache.
 */
function requireWithCodeCache(file, name) {
  const bytes = readFileSync(file);
  const cacheFile = join(dirname(file), 'code-cache', `${name}-${fileIdentity(file)}-${process.version}-${process.arch}.bin`);
  const cachedData = readOptional(cacheFile);
  // Same line as the source's first line, so stack traces keep their line numbers.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  return { exports: module.exports, cacheUsed: !fresh, saveCache: () => fresh && writeAtomic(cacheFile, script.createCachedData()) };
}

/** `<inode>-<size>-<mtime ns>-<ctime ns>`, in base 36: changes whenever the file is rewritten. */
function fileIdentity(path) {
  const st = statSync(path, { bigint: true });
  return [st.ino, st.size, st.mtimeNs, st.ctimeNs].map((n) => n.toString(36)).join('-');
}

function readOptional(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written costs speed, never a run. */
function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
    return true;
  } catch {
    // read-only install, full disk: run uncached next time too
    try {
      rmSync(tmp, { force: true });
    } catch {
      // no directory to leave it in
    }
    return false;
  }
}

module.exports = { requireWithCodeCache };
