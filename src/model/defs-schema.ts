/**
 * The schema of a syswire definition file (defs/*.yaml).
 *
 * One zod schema is the single source of truth: it validates definitions,
 * gives the TypeScript types below, and produces the JSON Schema editors use
 * (`syswire schema`).  Objects are strict, so a misspelt key is an error
 * rather than a silently ignored option.
 */
import * as z from 'zod';
import { parameterDeclarationProblem } from './c-declaration.js';
import { reservedWordProblem } from './c-words.js';
import { syscallNameProblem } from './kernel-names.js';
import { boundedInt, commentMarkerProblem, explicitNumber, quote, refuse, withReason } from './schema-checks.js';

// A definition is validated once per run: zod's eval-compiled fast path
// costs more to build than it saves on one small document.
z.config({ jitless: true });

/** Every name lands in C (`__NR_<name>`, `struct <name>`, a field): an identifier, and no keyword. */
const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case C identifier').check(refuse(reservedWordProblem));
const macroName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an upper-case C macro name');
/** ABI tags are words, but `64` and `32` are numbers to YAML: accept both. */
const abiTag = z.union([z.string().regex(/^[a-z0-9_]+$/), z.number().int().nonnegative()]).transform(String);
/** One line of text: no line break, no other control character but TAB. */
const oneLine = z.string().regex(/^[^\x00-\x08\x0a-\x1f\x7f]*$/, 'must be a single line without control characters');
/** Text printed inside a C comment (`/* ... *\/`, kernel-doc, the bindings' JSDoc). */
const commentText = oneLine.check(refuse(commentMarkerProblem));
/** An arg: one C parameter declaration (see c-declaration.ts). */
const parameter = z
  .string()
  .min(1, { error: "must not be empty: an arg needs a type and a name, e.g. 'int fd'", abort: true })
  .check(refuse((decl: string) => withReason(`${quote(decl)} is not a single C parameter declaration`, parameterDeclarationProblem(decl))));

/** Fixed-width uapi types allowed in struct fields (include/uapi/linux/types.h). */
export const UAPI_TYPES = ['__u8', '__s8', '__u16', '__s16', '__u32', '__s32', '__u64', '__s64', '__aligned_u64', '__aligned_s64'] as const;
export type UapiType = (typeof UAPI_TYPES)[number];

export const fieldSchema = z.strictObject({
  /** Field name. */
  name: identifier,
  /** A fixed-width uapi type such as `__u64`. */
  type: z.enum(UAPI_TYPES),
  /** Array length, for `__u8 pad[4]`-style fields: 1 to 4096 (a struct a syscall copies in is about a page at most). */
  count: boundedInt(1, 4096).optional(),
  /** One-line documentation, printed as the field's `@name:` line of the kernel-doc comment. */
  doc: commentText,
  /** Struct version that added the field (0 = first published, at most 64); sizes `<NAME>_SIZE_VERn` follow from it. */
  since: boundedInt(0, 64).default(0),
});

export const flagSchema = z.strictObject({
  /** Macro name, e.g. `SFRAME_F_ONESHOT`. */
  name: macroName,
  /** Bit number; the macro is `(1U << bit)`, or `(1ULL << bit)` from bit 32 and whenever the struct's `flags` field is 64-bit. */
  bit: z.number().int().min(0).max(63),
  /** One line, printed in a comment after the macro. */
  doc: commentText,
});

export const structSchema = z.strictObject({
  /** `struct <name>`. */
  name: identifier,
  /** uapi header that holds the struct, relative to the tree, e.g. `include/uapi/linux/sframe.h`. */
  header: z.string(),
  /** One-line description, printed above the struct. */
  doc: commentText,
  /** Size-extensible (copy_struct_from_user() semantics): emits `<NAME>_SIZE_VER<n>` constants. */
  extensible: z.boolean().default(false),
  fields: z.array(fieldSchema).min(1),
  /** Flag bits accepted in the struct's `flags` field (or a flags argument). */
  flags: z.array(flagSchema).default([]),
  /**
   * The layout differs between compat (32-bit) ABIs and 64-bit ones, and the calls taking it convert
   * `struct compat_<name>` in a compat entry.  Without it such a layout is an error.
   */
  compat: z.boolean().default(false),
});

export const syscallSchema = z.strictObject({
  /** `__NR_<name>`, `sys_<name>`: a C identifier that is not one of the kernel's own syscall macros. */
  name: identifier.check(refuse(syscallNameProblem)),
  /** `auto` takes the next free generic number; an integer asks for that one. */
  number: explicitNumber.default('auto'),
  /** Arguments as C declarations, e.g. `struct sframe_setup __user *data`; at most six. */
  args: z.array(parameter).max(6).default([]),
  /** Entry point; defaults to `sys_<name>`. */
  entry: identifier.optional(),
  /**
   * A compat entry: `true` for `compat_sys_<name>`, or the function name.  Left out, a call gets
   * `compat_sys_<name>` when an argument is 64-bit (`loff_t`, `__u64`, ...) or points to a `compat: true` struct.
   */
  compat: z.union([z.boolean(), identifier]).optional(),
  /** Arguments of the compat entry's prototype (compat types, e.g. `const compat_sigset_t __user *sigmask`); default `args`. */
  compat_args: z.array(parameter).max(6).optional(),
  /** Per-table ABI tag, keyed by table id (`x86/64`) or arch (`powerpc`), e.g. `{ powerpc: nospu }`. */
  abi: z.record(z.string(), abiTag).default({}),
  /** Per-table entry point, keyed like `abi`, e.g. `{ powerpc: sys_ni_syscall }` for a reserved number. */
  entries: z.record(z.string(), identifier).default({}),
  /**
   * Arches or table ids that do not implement the call.  Their tables keep its number with a
   * `sys_ni_syscall` row (as powerpc does for map_shadow_stack); `generic` (scripts/syscall.tbl)
   * gets no row, and scripts/checksyscalls.sh an `#define __IGNORE_<name>` instead.
   */
  exclude: z.array(z.string()).default([]),
  /** The code can be configured out: add `COND_SYSCALL(<name>)` to kernel/sys_ni.c (with `series.config`, the option that does it). */
  configurable: z.boolean().default(false),
  /** Placement hints: the existing syscall after which the new lines go. */
  after: z
    .strictObject({
      /** In include/linux/syscalls.h, after this syscall's prototype. */
      syscalls_h: identifier.optional(),
      /** In kernel/sys_ni.c, after this syscall's COND_SYSCALL line. */
      sys_ni: identifier.optional(),
      /** In include/linux/compat.h, after this syscall's compat prototype. */
      compat_h: identifier.optional(),
    })
    .default({}),
  /** One-line summary for the kernel-doc comment of the entry-point skeleton. */
  doc: commentText.optional(),
  /** Which struct argument is size-extensible and which argument carries its size (skeleton). */
  extensible: z.strictObject({ struct_arg: identifier, size_arg: identifier, flags_field: identifier.optional() }).optional(),
});

/** A Kconfig option that builds the series' code (kernel-conventions §1.4). */
export const configSchema = z.strictObject({
  /** Symbol without `CONFIG_`, e.g. `SFRAME_SYSCALLS`. */
  name: macroName,
  /** The prompt; default `Enable <name>() system call` naming the configurable calls. */
  prompt: oneLine.regex(/^[^"\\]*$/, 'must not contain a double quote or a backslash').optional(),
  /** Help text: paragraphs separated by blank lines, kept as written unless a line is longer than 70 columns (end it with `If unsure, say Y.` as most options do). */
  help: z
    .string()
    .regex(/\S/, 'must not be empty')
    .regex(/^[^\x00-\x08\x0b-\x1f\x7f]*$/, 'must not contain control characters other than line breaks and TABs'),
  /** A Kconfig expression, written as `depends on <depends>`. */
  depends: oneLine.optional(),
  /** `default y` (true), or no default, which Kconfig takes as n. */
  default: z.boolean().default(true),
  /** The Kconfig file, relative to the tree. */
  file: z
    .string()
    .regex(/^(?:[\w.-]+\/)*Kconfig(?:\.\w+)?$/, "must be a tree-relative Kconfig file, e.g. 'init/Kconfig'")
    .refine((path) => !path.split('/').includes('..'), "must stay inside the tree (no '..')")
    .default('init/Kconfig'),
  /** The object of the implementation, relative to the tree: gives the `obj-$(CONFIG_<name>) += ...` Makefile line. Default `kernel/<series name>.o`. */
  object: z.string().regex(/^(?:[\w-]+\/)+[\w-]+\.o$/, "must be a tree-relative object, e.g. 'kernel/sframe.o'").optional(),
});

export const seriesSchema = z.strictObject({
  /** Slug used for output files: out/<name>.patch. */
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a file-name slug'),
  /** The series' version, `[PATCH vN]`: 1 to 1000. */
  version: boundedInt(1, 1000).default(1),
  subject: oneLine,
  author: z.string().regex(/^[^<>\n]+ <[^<>\s]+>$/, "must read 'Name <email>'"),
  /** RFC 2822 date for the patches; omitted output carries a fixed epoch date. */
  date: z.string().optional(),
  rfc: z.boolean().default(false),
  body: z.string().default(''),
  signed_off_by: z.array(z.string()).default([]),
  /** Changelog per version: `{ 2: ["..."], 3: ["..."] }`. */
  changes: z.record(z.string().regex(/^\d+$/), z.array(z.string())).default({}),
  /** Link to the previous version's posting. */
  previous: z.string().optional(),
  /**
   * `single` (one patch), `core-then-arch` (uapi/core patch, then the arch wire-up) or `per-document`
   * (adding-syscalls.rst: core, x86, the other arches); the selftest is a patch of its own in each.
   */
  split: z.enum(['single', 'core-then-arch', 'per-document']).default('single'),
  /** User-written patches included in order (paths relative to the definition file). */
  patches: z.array(z.strictObject({ file: z.string(), position: z.enum(['before', 'after']).default('after') })).default([]),
  /** asm-generic/unistd.h: open a new paragraph (blank line before) and optionally a comment. */
  unistd: z.strictObject({ paragraph: z.boolean().default(true), comment: commentText.optional() }).default({ paragraph: true }),
  /** A Kconfig option for the series' `configurable` calls, added to `init/Kconfig` (or `file`). */
  config: configSchema.optional(),
  /** Also write the SYSCALL_DEFINEn entry-point skeleton to out/<name>-entry.c. */
  skeleton: z.boolean().default(false),
  /** `syswire series`: subject and body of the arch wire-up patch when `split` is `core-then-arch`. */
  arch_patch: z.strictObject({ subject: oneLine, body: z.string().default('') }).optional(),
  /** `syswire series`: write vN-0000-cover-letter.patch always, never, or (`auto`) when the series has more than one patch. */
  cover_letter: z.enum(['auto', 'always', 'never']).default('auto'),
  /** `syswire series`: add the kselftest patch (tools/testing/selftests/<name>/). */
  selftest: z.boolean().default(true),
  /** `syswire series`: write man2/<syscall>.2 pages under --out and their text in the cover letter (Cc linux-man). */
  manpage: z.boolean().default(true),
  /** `syswire series`: addresses added to every mail's To (`Name <addr>` or `addr`); `-addr` drops one get_maintainer.pl gave. */
  to: z.array(oneLine).default([]),
  /** `syswire series`: addresses added to every mail's Cc; `-addr` drops one. */
  cc: z.array(oneLine).default([]),
  /** `syswire series`: hex digits of the blob ids on `index` lines (git's --abbrev). */
  abbrev: z.number().int().min(7).max(40).default(12),
});

export const defsSchema = z.strictObject({
  series: seriesSchema,
  syscalls: z.array(syscallSchema).min(1),
  structs: z.array(structSchema).default([]),
});

export type Defs = z.output<typeof defsSchema>;
export type SyscallDef = z.output<typeof syscallSchema>;
export type StructDef = z.output<typeof structSchema>;
export type FieldDef = z.output<typeof fieldSchema>;
export type SeriesDef = z.output<typeof seriesSchema>;
export type ConfigDef = z.output<typeof configSchema>;

/** JSON Schema for editors, generated from the same zod source. */
export function definitionJsonSchema(): unknown {
  return z.toJSONSchema(defsSchema, { io: 'input', unrepresentable: 'any' });
}
