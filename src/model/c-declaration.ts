/**
 * An arg of a definition is copied verbatim into a prototype in
 * include/linux/syscalls.h (and compat.h), a SYSCALL_DEFINEn skeleton and
 * a doc comment of the bindings, so it must be exactly one C parameter
 * declaration and nothing that could escape it:
 *
 *   <type words and '*'s> <name>      e.g. `const struct sframe_setup __user *setup`
 *
 * The type is identifiers (type names, `struct <tag>`, qualifiers such as
 * `const` and `__user`) and `*`; the name is the last identifier.  Arrays
 * and function pointers are not accepted: no syscall passes one (the
 * kernel's own prototypes use a pointer instead).
 */
import { QUALIFIERS, reservedWordProblem, TYPE_WORDS } from './c-words.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPENS: Record<string, string> = { ')': '(', ']': '[' };

/** Why `decl` is not a single C parameter declaration, or undefined when it is one. */
export function parameterDeclarationProblem(decl: string): string | undefined {
  return textProblem(decl) ?? bracketProblem(decl) ?? tokenProblem(decl);
}

/** The parameter name of an accepted declaration: its last identifier. */
export function parameterName(decl: string): string {
  return /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(decl)?.[1] ?? '';
}

/** Line breaks, comments, directives and characters no declaration holds. */
function textProblem(decl: string): string | undefined {
  if (/[\r\n]/.test(decl)) return 'it must be a single line';
  const comment = /\/\*|\*\/|\/\//.exec(decl)?.[0];
  if (comment) return `'${comment}' would ${comment === '*/' ? 'close' : 'open'} a comment`;
  if (decl.includes('#')) return "'#' would start a preprocessor directive";
  const odd = /[^A-Za-z0-9_ \t*()[\],;{}]/u.exec(decl)?.[0];
  if (odd) return `${describeChar(odd)} cannot appear in a C declaration`;
  return undefined;
}

/** Brackets must pair up; `;`, `{`, `}` and `,` at the top level would end or split the declaration. */
function bracketProblem(decl: string): string | undefined {
  const open: string[] = [];
  for (const c of decl) {
    if (c === '(' || c === '[') open.push(c);
    else if (c === ')' || c === ']') {
      if (open.pop() !== OPENS[c]) return `unbalanced '${c}'`;
    } else if (open.length === 0 && c === ';') return "';' would end the declaration";
    else if (open.length === 0 && (c === '{' || c === '}')) return `'${c}' cannot appear in a parameter declaration`;
    else if (open.length === 0 && c === ',') return "',' separates two parameters: give each its own arg";
  }
  if (open.length > 0) return `unclosed '${open[open.length - 1]}'`;
  if (/[()[\]{};,]/.test(decl)) return "arrays and function pointers are not supported: pass a pointer, e.g. 'int __user *p'";
  return undefined;
}

/** Identifiers and `*` only, at least a type and a name, no keyword as the name. */
function tokenProblem(decl: string): string | undefined {
  const tokens = decl.match(/[A-Za-z0-9_]+|\*/g) ?? [];
  const bad = tokens.find((t) => t !== '*' && !IDENTIFIER.test(t));
  if (bad) return `'${bad}' is not a C identifier`;
  const name = tokens[tokens.length - 1];
  if (name === undefined) return "it is empty: an arg needs a type and a name, e.g. 'int fd'";
  if (name === '*') return "it has no name after the '*': an arg needs a type and a name, e.g. 'int __user *p'";
  const type = tokens.slice(0, -1);
  const nameProblem = reservedWordProblem(name);
  if (nameProblem) return `its name ${nameProblem}: an arg needs a type and a name, e.g. 'unsigned int flags'`;
  if (type.length === 0) return `'${name}' has no type: an arg needs a type and a name, e.g. 'int ${name}'`;
  if (type[0] === '*') return "it cannot start with '*'";
  for (const [i, word] of type.entries()) {
    if (word === '*') continue;
    if (reservedWordProblem(word) && !TYPE_WORDS.has(word)) return `'${word}' cannot appear in a parameter's type`;
    const tag = type[i + 1];
    if ((word === 'struct' || word === 'union' || word === 'enum') && (tag === undefined || tag === '*' || reservedWordProblem(tag))) return `'${word}' needs a tag name`;
  }
  if (type.every((w) => w === '*' || QUALIFIERS.has(w))) return `'${name}' has no type, only qualifiers`;
  return undefined;
}

/** `'é'`, or `U+0009` for characters that do not print. */
function describeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${c}'`;
}
