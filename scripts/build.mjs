#!/usr/bin/env node
// `npm run build` after `tsc`: three steps that make the CLI start fast.
//
// 1. Precompile every templates/*.hbs with the options the engine uses
//    (noEscape, strict) into dist/precompiled-templates.cjs, each with the
//    SHA-1 of its source.  src/render/engine.ts uses a precompiled template
//    only when that hash matches the file on disk, so an edited template is
//    never rendered stale: it is compiled as before.
// 2. Bundle src/cli/run-cli.ts and the bindings worker with esbuild into
//    dist/bundle/ (ESM, one chunk per command, split on the dynamic
//    imports), which bin/syswire.js runs: a few files to load instead of
//    ~50 modules plus yaml's and zod's.
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
  await build({
    // The bindings worker is an entry of its own: bindings-printer.ts finds it next to itself.
    entryPoints: [join(ROOT, 'src/cli/run-cli.ts'), join(ROOT, 'src/bindings/bindings-worker.ts')],
    entryNames: '[name]',
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['ts-morph', 'koffi'],
    // yaml and handlebars are CommonJS and call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __syswireCreateRequire } from 'node:module';\nconst require = __syswireCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

const templates = precompileTemplates();
writeFileSync(join(ROOT, 'dist/runtime-statements.json'), precomputedRuntimeText());
await bundle();
console.log(`build: ${templates} templates precompiled, CLI bundled into dist/bundle/`);
