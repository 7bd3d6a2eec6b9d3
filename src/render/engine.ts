/**
 * The Handlebars engine for kernel text.  Templates live in templates/ at
 * the package root and are named after what they emit.  Each is compiled
 * the first time it is rendered, with `noEscape` (C has `&` and `<`, which
 * must not become entities) and `strict` (a missing view field is an
 * error, never an empty string).  Views are built in TypeScript;
 * templates only loop and branch.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { registerHelpers } from './helpers.js';

/** From src/render/ (vitest) and dist/render/ (the built tool) alike. */
const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);

/** An isolated environment: syswire's helpers never leak into the global Handlebars. */
const engine = Handlebars.create();
registerHelpers(engine);

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Compile template text with the engine's helpers and options. */
export function compileTemplate(source: string): Handlebars.TemplateDelegate {
  return engine.compile(source, { noEscape: true, strict: true });
}

export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = compileTemplate(readFileSync(new URL(name, TEMPLATE_DIR), 'utf8'));
    compiled.set(name, template);
  }
  return template(view);
}

/** Render a template whose output is a list of lines (no trailing newline kept). */
export function renderLines(name: string, view: object): string[] {
  const text = renderTemplate(name, view);
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}
