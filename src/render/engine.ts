/**
 * The Handlebars engine for kernel text.  Templates live in templates/ and
 * are named after what they emit.  They are compiled with `noEscape` (C has
 * `&` and `<`, which must not become entities) and `strict` (a missing view
 * field is an error, never an empty string).  Views are built in TypeScript;
 * templates only loop and branch.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import { registerHelpers } from './helpers.js';

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);
const compiled = new Map<string, HandlebarsType.TemplateDelegate>();
let engine: typeof HandlebarsType | undefined;

/** Handlebars is loaded on first use: commands that render nothing (numbers, lint) skip its 25 ms. */
function getEngine(): typeof HandlebarsType {
  if (!engine) {
    const handlebars = createRequire(import.meta.url)('handlebars') as typeof HandlebarsType;
    engine = handlebars.create();
    registerHelpers(engine);
  }
  return engine;
}

export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const engine = getEngine();
    const source = readFileSync(new URL(name, TEMPLATE_DIR), 'utf8');
    template = engine.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}

/** Render a template whose output is a list of lines (no trailing newline kept). */
export function renderLines(name: string, view: object): string[] {
  const text = renderTemplate(name, view);
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}
