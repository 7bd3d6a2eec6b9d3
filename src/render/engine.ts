/**
 * The Handlebars engine for kernel text.  Templates live in templates/ and
 * are named after what they emit.  They are compiled with `noEscape` (C has
 * `&` and `<`, which must not become entities) and `strict` (a missing view
 * field is an error, never an empty string).  Views are built in TypeScript;
 * templates only loop and branch.
 *
 * Each template is taken precompiled (template-precompile.ts) when the build
 * has a spec for its current text, else compiled.  Handlebars is loaded with
 * this module: commands that render nothing (numbers, lint) never load this
 * module; the runtime is imported (and bundled), the compiler is loaded
 * only when some template is not precompiled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import handlebarsRuntime from 'handlebars/runtime.js';
import { registerHelpers } from './helpers.js';
import { COMPILE_OPTIONS, freshSpec, type PrecompiledTable } from './template-precompile.js';

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);
const PRECOMPILED = new URL('../../dist/precompiled-templates.cjs', import.meta.url);
const require = createRequire(import.meta.url);
const loaded = new Map<string, HandlebarsType.TemplateDelegate>();
let precompiled: PrecompiledTable | undefined | null = null;
let runtime: typeof HandlebarsType | undefined;
let compiler: typeof HandlebarsType | undefined;

/** An isolated Handlebars environment with syswire's helpers. */
function environment(handlebars: typeof HandlebarsType): typeof HandlebarsType {
  const env = handlebars.create();
  registerHelpers(env);
  return env;
}

function precompiledTable(): PrecompiledTable | undefined {
  if (precompiled === null) precompiled = existsSync(PRECOMPILED) ? (require(PRECOMPILED.pathname) as PrecompiledTable) : undefined;
  return precompiled;
}

/** The template `name`, precompiled when the build has its current text, else compiled now. */
export function loadTemplate(name: string, source: string, table: PrecompiledTable | undefined): { template: HandlebarsType.TemplateDelegate; precompiled: boolean } {
  const spec = freshSpec(table, name, source);
  if (spec !== undefined) {
    runtime ??= environment(handlebarsRuntime as typeof HandlebarsType);
    return { template: runtime.template(spec as Parameters<typeof HandlebarsType.template>[0]), precompiled: true };
  }
  compiler ??= environment(require('handlebars') as typeof HandlebarsType);
  return { template: compiler.compile(source, COMPILE_OPTIONS), precompiled: false };
}

export function renderTemplate(name: string, view: object): string {
  let template = loaded.get(name);
  if (!template) {
    template = loadTemplate(name, readFileSync(new URL(name, TEMPLATE_DIR), 'utf8'), precompiledTable()).template;
    loaded.set(name, template);
  }
  return template(view);
}

/** Render a template whose output is a list of lines (no trailing newline kept). */
export function renderLines(name: string, view: object): string[] {
  const text = renderTemplate(name, view);
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}
