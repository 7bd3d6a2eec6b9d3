/**
 * Render a syscalls.h prototype: `asmlinkage long sys_x(<args>);` on one
 * line when it fits in 80 columns, otherwise filled greedily with the
 * continuation lines aligned under the first argument using TABs then
 * spaces (the style of most 6.12 prototypes).  No arguments: `(void)`.
 */
import { visualEnd } from '../kernel/text-lines.js';
import { renderLines } from './engine.js';

const WIDTH = 80;

export function renderPrototype(entry: string, args: readonly string[]): string[] {
  const head = `asmlinkage long ${entry}(`;
  const items = args.length === 0 ? ['void'] : args;
  const indentCol = head.length;
  const indent = '\t'.repeat(Math.floor(indentCol / 8)) + ' '.repeat(indentCol % 8);
  const lines: string[] = [];
  let line = head;
  items.forEach((arg, i) => {
    const piece = arg + (i === items.length - 1 ? ');' : ',');
    const fresh = line === head || line === indent;
    const candidate = fresh ? line + piece : `${line} ${piece}`;
    if (!fresh && visualEnd(candidate) > WIDTH) {
      lines.push(line);
      line = indent + piece;
    } else {
      line = candidate;
    }
  });
  lines.push(line);
  return renderLines('syscalls-h-prototype.h.hbs', { lines });
}
