#!/usr/bin/env node
// `npm run build` after `tsc`: three steps that make the CLI start fast.
//
// 1. Precompile every templates/*.hbs with the options the engine uses
//    (noEscape, strict) into dist/precompiled-templates.cjs, each with the
//    SHA-1 of its source.  src/render/engine.ts uses a precompiled template
//    only when that hash matches the file on disk, so an edited template is
//    never rendered stale: it is compiled as before.
// 2. Bundle src/cli/run-cli.ts with esbuild into dist/bundle/syswire.cjs,
//    which bin/syswire.js loads through V8's code cache (bin/code-cache.js):
//    one file to load instead of ~50 modules plus yaml's and zod's.  The
//    bindings worker is bundled next to it.
//    dist/bundle/ sits two levels below the package root, like dist/cli/,
//    so paths built from import.meta.url (templates/, .cache/) still hold.
//    ts-morph and koffi stay external: they load only when used.
// 3. Parse the bindings' run-time helpers once into dist/runtime-statements.json,
//    used only while the SHA-1 of their sources matches.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { precompileModule } from '../dist/render/template-precompile.js';
import { precomputedRuntimeText } from '../dist/bindings/runtime-source.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function precompileTemplates() {
  const dir = join(ROOT, 'templates');
  const sources = new Map(readdirSync(dir).filter((n) => n.endsWith('.hbs')).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(join(ROOT, 'dist/precompiled-templates.cjs'), precompileModule(require('handlebars'), sources));
  return sources.size;
}

async function bundle() {
  const outdir = join(ROOT, 'dist/bundle');
  rmSync(outdir, { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', target: 'node20', external: ['ts-morph', 'koffi'], logLevel: 'warning' };
  // The CLI: one CommonJS file, so bin/code-cache.js can compile it as a
  // single vm.Script with V8's cached data.  Commands reached through
  // import() stay lazy: esbuild initialises their modules on first use.
  await build({
    ...common,
    entryPoints: [join(ROOT, 'src/cli/run-cli.ts')],
    outfile: join(outdir, 'syswire.cjs'),
    format: 'cjs',
    define: { 'import.meta.url': '__syswireModuleUrl' },
    banner: { js: "const __syswireModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // The bindings worker, an ES module of its own: bindings-printer.ts finds it next to the CLI.
  await build({
    ...common,
    entryPoints: [join(ROOT, 'src/bindings/bindings-worker.ts')],
    outfile: join(outdir, 'bindings-worker.js'),
    format: 'esm',
    // yaml and handlebars are CommonJS and call require(): give the ES module one.
    banner: { js: "import { createRequire as __syswireCreateRequire } from 'node:module';\nconst require = __syswireCreateRequire(import.meta.url);" },
  });
}

const templates = precompileTemplates();
writeFileSync(join(ROOT, 'dist/runtime-statements.json'), precomputedRuntimeText());
await bundle();
console.log(`build: ${templates} templates precompiled, CLI bundled into dist/bundle/`);
