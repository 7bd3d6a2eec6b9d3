/**
 * Render a syscalls.h prototype: `asmlinkage long sys_x(<args>);` on one
 * line when it fits in 80 columns, otherwise filled greedily with the
 * continuation lines aligned under the first argument using TABs then
 * spaces (the style of most 6.12 prototypes).  No arguments: `(void)`.
 * The entry skeleton fills its SYSCALL_DEFINEn heads and calls the same way.
 */
import { visualEnd } from '../kernel/text-lines.js';
import { renderLines } from './engine.js';

const WIDTH = 80;

/** `head` + items separated by `, `, closed by `close`, filled into `width` columns under the first item. */
export function fillArguments(head: string, items: readonly string[], close: string, width = WIDTH): string[] {
  const indentCol = visualEnd(head);
  const indent = '\t'.repeat(Math.floor(indentCol / 8)) + ' '.repeat(indentCol % 8);
  const lines: string[] = [];
  let line = head;
  items.forEach((arg, i) => {
    const piece = arg + (i === items.length - 1 ? close : ',');
    const fresh = line === head || line === indent;
    const candidate = fresh ? line + piece : `${line} ${piece}`;
    if (!fresh && visualEnd(candidate) > width) {
      lines.push(line);
      line = indent + piece;
    } else {
      line = candidate;
    }
  });
  lines.push(line);
  return lines;
}

export function renderPrototype(entry: string, args: readonly string[]): string[] {
  const lines = fillArguments(`asmlinkage long ${entry}(`, args.length === 0 ? ['void'] : args, ');');
  return renderLines('syscalls-h-prototype.h.hbs', { lines });
}
