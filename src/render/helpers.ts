/**
 * Handlebars helpers: formatting only, no decisions.
 *
 * - `upper s`        C macro case: `sframe_setup` -> `SFRAME_SETUP`
 * - `ordinal n`      0 -> `first`, 1 -> `second` (SIZE_VER comments)
 * - `join list sep`  list items joined by `sep`
 */
import type Handlebars from 'handlebars';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function upper(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
}

export function ordinal(n: number): string {
  return ORDINALS[n] ?? `${n + 1}th`;
}

export function join(list: readonly unknown[], sep: string): string {
  return list.map(String).join(typeof sep === 'string' ? sep : ', ');
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function registerHelpers(engine: typeof Handlebars): void {
  engine.registerHelper('upper', upper);
  engine.registerHelper('ordinal', ordinal);
  engine.registerHelper('join', join);
}
