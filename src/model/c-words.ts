/**
 * The words a name in a definition must not be.  Every name ends up in C:
 * a syscall's name in `__NR_<name>` and `sys_<name>`, a struct's in
 * `struct <name>`, a field's in the struct body, an arg's in the prototype.
 * A C keyword there does not compile, and a kernel annotation macro such
 * as `__user` expands to nothing, leaving a declaration without a name.
 */

/** C11 (ISO/IEC 9899:2011, 6.4.1), plus the `asm` and `typeof` extensions. */
const C11 = [
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern',
  'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return', 'short', 'signed',
  'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void', 'volatile', 'while',
  '_Alignas', '_Alignof', '_Atomic', '_Bool', '_Complex', '_Generic', '_Imaginary', '_Noreturn', '_Static_assert', '_Thread_local',
  'asm', 'typeof',
];

/** New in C23; `bool`, `true` and `false` are also <stdbool.h> macros in user space's uapi builds. */
const C23 = ['alignas', 'alignof', 'bool', 'constexpr', 'false', 'nullptr', 'static_assert', 'thread_local', 'true', 'typeof_unqual', '_BitInt', '_Decimal32', '_Decimal64', '_Decimal128'];

/** GCC's alternate spellings and extensions, which the kernel uses. */
const GNU = [
  '__asm', '__asm__', '__attribute', '__attribute__', '__auto_type', '__alignof', '__alignof__', '__const', '__const__',
  '__extension__', '__imag__', '__inline', '__inline__', '__int128', '__label__', '__real__', '__restrict', '__restrict__',
  '__signed', '__signed__', '__thread', '__typeof', '__typeof__', '__volatile', '__volatile__',
];

/** Sparse annotations (include/linux/compiler_types.h): macros that vanish in a normal build. */
const ANNOTATIONS = ['__user', '__kernel', '__iomem', '__force', '__nocast', '__safe', '__bitwise', '__rcu', '__percpu', '__private'];

const KIND = new Map<string, string>([
  ...C11.map((w) => [w, 'a C keyword'] as const),
  ...C23.map((w) => [w, 'a C23 keyword'] as const),
  ...GNU.map((w) => [w, 'a GNU C keyword'] as const),
  ...ANNOTATIONS.map((w) => [w, 'a kernel annotation macro that expands to nothing'] as const),
]);

/** Words that may appear in a parameter's type: type specifiers, qualifiers, tags. */
export const TYPE_WORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', 'bool', '_Complex',
  'const', 'volatile', 'restrict', '_Atomic', 'struct', 'union', 'enum', '__int128',
  '__const', '__const__', '__volatile', '__volatile__', '__restrict', '__restrict__', '__signed', '__signed__',
  ...ANNOTATIONS,
]);

/** Qualifiers and annotations: words that are part of a type but are not a type by themselves. */
export const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '_Atomic', '__const', '__const__', '__volatile', '__volatile__', '__restrict', '__restrict__', ...ANNOTATIONS]);

/** Why `word` cannot be a name (`'a C keyword'`, ...), or undefined when it can. */
export function reservedWordKind(word: string): string | undefined {
  return KIND.get(word);
}

/** `'int' is a C keyword`, or undefined for a usable name. */
export function reservedWordProblem(word: string): string | undefined {
  const kind = KIND.get(word);
  return kind ? `'${word}' is ${kind}` : undefined;
}
