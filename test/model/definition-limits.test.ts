// Limits and validation of definitions (issue 11, §3 and §5): the file
// itself (regular, at most 1 MiB, UTF-8), YAML hazards, names that must be
// C identifiers and not keywords or the kernel's own macros, args that
// must be one C parameter declaration, doc strings that go inside C
// comments, struct headers, and bounded numbers.  Each case gives the
// definition and the exact diagnostic lines it must print (all of them);
// `want: []` means it loads.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefsArg } from '../../src/cli/defs-arg.js';
import { decodeDefinition, MAX_DEFINITION_BYTES } from '../../src/model/definition-text.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { DiagnosticError, formatDiagnostic } from '../../src/model/diagnostics.js';
import { REPO_ROOT } from '../support/kernel-trees.js';

const SERIES = 'series: { name: t, subject: t, author: "A B <a@b.c>" }\n';
/** A definition of one syscall `frob`, its keys given in flow style on line 3. */
const call = (keys: string) => `${SERIES}syscalls:\n  - { name: frob, ${keys} }\n`;
/** One syscall and struct frob: its keys from line 6 (header, doc, ...), then its fields in one flow sequence. */
const struct = (keys: string, field = 'name: flags, type: __u64, doc: must be zero') =>
  `${SERIES}syscalls:\n  - { name: frob, args: ["struct frob __user *arg"] }\nstructs:\n  - name: frob\n    ${keys}\n    fields: [{ ${field} }]\n`;
/** struct frob with this header (line 6) and doc (line 7); its field on line 8. */
const withStruct = ({ header = 'include/uapi/linux/frob.h', doc = 'a frob' }) => struct(`header: ${header}\n    doc: ${doc}`);

/** The printed diagnostics of loading `given` as t.yaml (bytes are decoded first), or [] when it loads. */
function diagnosticsOf(given: string | Uint8Array): string[] {
  try {
    loadDefinitions('t.yaml', typeof given === 'string' ? given : decodeDefinition('t.yaml', given));
    return [];
  } catch (err) {
    if (!(err instanceof DiagnosticError)) throw err;
    return err.diagnostics.map(formatDiagnostic);
  }
}

/** `text` as UTF-8, with each `¤` replaced by the raw bytes given for it, in order. */
const bytes = (text: string, ...raw: number[][]) => Buffer.concat(text.split('¤').flatMap((part, i) => [Buffer.from(part, 'utf8'), Buffer.from(raw[i] ?? [])]));
const UTF8 = 'a definition must be UTF-8 text (convert it, e.g. with iconv -f latin1 -t utf-8)';
const NOT_DECL = 'is not a single C parameter declaration';
const NUMBER = (v: string) => `must be 'auto' or an integer from 0 to 1000000, not ${v} (tables add offsets of up to 6000, and every number must stay an exact integer)`;

type Case = [string, { given: string | Uint8Array; want: string[] }];

const textCases: Case[] = [
  ['a Latin-1 byte in a doc', { given: bytes(call('doc: "syst¤me"'), [0xe8]), want: [`t.yaml:3:29: error: invalid UTF-8 byte 0xe8: ${UTF8}`] }],
  ['the column counts characters, not bytes', { given: bytes(call('doc: "é ¤"'), [0xff]), want: [`t.yaml:3:27: error: invalid UTF-8 byte 0xff: ${UTF8}`] }],
  ['every line with bad bytes, once each', { given: bytes(`${SERIES}syscalls:\n  - name: fr¤b\n    doc: x¤\n`, [0xf6, 0xf6], [0xe9]), want: [`t.yaml:3:13: error: invalid UTF-8 byte 0xf6: ${UTF8}`, `t.yaml:4:11: error: invalid UTF-8 byte 0xe9: ${UTF8}`] }],
  ['an overlong encoding of /', { given: bytes(call('doc: "a¤"'), [0xc0, 0xaf]), want: [`t.yaml:3:26: error: invalid UTF-8 byte 0xc0: ${UTF8}`] }],
  ['an encoded UTF-16 surrogate', { given: bytes(call('doc: "a¤"'), [0xed, 0xa0, 0x80]), want: [`t.yaml:3:26: error: invalid UTF-8 byte 0xed: ${UTF8}`] }],
  ['a sequence cut off at the end of the file', { given: bytes(`${call('doc: a')}¤`, [0xe2, 0x82]), want: [`t.yaml:4:1: error: invalid UTF-8 byte 0xe2: ${UTF8}`] }],
  ['a byte-order mark and multi-byte text are UTF-8', { given: bytes(`¤${call('doc: "Weißschuh ✓ 𝄞"')}`, [0xef, 0xbb, 0xbf]), want: [] }],
];

const yamlCases: Case[] = [
  ['an alias bomb (billion laughs)', { given: `${SERIES}syscalls: [{ name: frob }]\nx:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${'bcdefghi'.split('').map((n, i) => `  ${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]\n`).join('')}`, want: ['t.yaml:6:10: error: YAML aliases expand too far (more than 100 expansions, as in a "billion laughs" attack); a definition does not need nested anchors'] }],
  ['an alias used a few times is fine', { given: `${SERIES}syscalls:\n  - { name: frob, args: &args ["int fd", "unsigned int flags"] }\n  - { name: unfrob, args: *args }\n`, want: [] }],
  ['an alias without its anchor', { given: call('args: *nope'), want: ["t.yaml:3:25: error: alias '*nope' has no anchor '&nope' before it"] }],
  ['flow collections 100000 deep', { given: call(`doc: ${'['.repeat(100_000)}${']'.repeat(100_000)}`), want: ['t.yaml:3:87: error: flow collections nest deeper than 64 levels'] }],
  ['block mappings 1200 deep', { given: `${call('doc: x')}deep:\n${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`, want: ['t.yaml:68:65: error: block collections nest deeper than 64 levels'] }],
  ['block sequences 100 deep on one line', { given: `${call('doc: x')}deep:\n  ${'- '.repeat(100)}x\n`, want: ['t.yaml:5:131: error: block collections nest deeper than 64 levels'] }],
  ['a block scalar may hold deep indentation', { given: `series:\n  name: t\n  subject: t\n  author: "A B <a@b.c>"\n  body: |\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i + 4)}- [`).join('\n')}\nsyscalls: [{ name: frob }]\n`, want: [] }],
  ['a __proto__ key is just an unknown key', { given: call('__proto__: { x: 1 }'), want: ["t.yaml:3:19: error: unknown key '__proto__'"] }],
];

const nameCases: Case[] = [
  ['a syscall named int', { given: `${SERIES}syscalls:\n  - { name: int }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'int' is a C keyword"] }],
  ['a syscall named typeof (a C extension)', { given: `${SERIES}syscalls:\n  - { name: typeof }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'typeof' is a C keyword"] }],
  ['a syscall named asm', { given: `${SERIES}syscalls:\n  - { name: asm }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'asm' is a C keyword"] }],
  ['an entry named return', { given: call('entry: return'), want: ["t.yaml:3:26: error: syscalls[0].entry: 'return' is a C keyword"] }],
  ['a struct named struct', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob').replace('- name: frob', '- name: struct'), want: ["t.yaml:5:11: error: structs[0].name: 'struct' is a C keyword"] }],
  ['a field named int', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: int, type: __u64, doc: d'), want: ["t.yaml:8:22: error: structs[0].fields[0].name: 'int' is a C keyword"] }],
  ['a field named sizeof', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: sizeof, type: __u64, doc: d'), want: ["t.yaml:8:22: error: structs[0].fields[0].name: 'sizeof' is a C keyword"] }],
  ['a field named bool (C23, and a <stdbool.h> macro)', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: bool, type: __u64, doc: d'), want: ["t.yaml:8:22: error: structs[0].fields[0].name: 'bool' is a C23 keyword"] }],
  ['a field named __attribute__', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: __attribute__, type: __u64, doc: d'), want: ["t.yaml:8:22: error: structs[0].fields[0].name: '__attribute__' is a GNU C keyword"] }],
  ['a field named __user, which expands to nothing', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: __user, type: __u64, doc: d'), want: ["t.yaml:8:22: error: structs[0].fields[0].name: '__user' is a kernel annotation macro that expands to nothing"] }],
  ['a field named __reserved is fine', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: __reserved, type: __u64, doc: d'), want: [] }],
  ['a field name that is not an identifier', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: 2nd, type: __u64, doc: d'), want: ['t.yaml:8:22: error: structs[0].fields[0].name: must be a lower-case C identifier'] }],
  ['a flag name that is not a macro name', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob\n    flags: [{ name: FROB-X, bit: 0, doc: d }]'), want: ['t.yaml:8:21: error: structs[0].flags[0].name: must be an upper-case C macro name'] }],
];

const reservedCases: Case[] = [
  ['syscalls (__NR_syscalls)', { given: `${SERIES}syscalls:\n  - { name: syscalls }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'syscalls' collides with the kernel's own macros: __NR_syscalls is the size of the generic table (asm-generic/unistd.h)"] }],
  ['compat_syscalls (__NR_compat_syscalls)', { given: `${SERIES}syscalls:\n  - { name: compat_syscalls }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'compat_syscalls' collides with the kernel's own macros: __NR_compat_syscalls is the size of arm64's compat table"] }],
  ['x32_syscalls (any __NR_*_syscalls)', { given: `${SERIES}syscalls:\n  - { name: x32_syscalls }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'x32_syscalls' collides with the kernel's own macros: __NR_<abi>_syscalls (x32, ia32, compat) are table sizes"] }],
  ['ni_syscall (sys_ni_syscall)', { given: `${SERIES}syscalls:\n  - { name: ni_syscall }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'ni_syscall' collides with the kernel's own macros: sys_ni_syscall is the stub every unimplemented number points at"] }],
  ['syscall (__NR_syscall)', { given: `${SERIES}syscalls:\n  - { name: syscall }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'syscall' collides with the kernel's own macros: __NR_syscall is the indirect syscall of mips o32 and arm's OABI"] }],
  ['a compat_ prefix', { given: `${SERIES}syscalls:\n  - { name: compat_frob }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: 'compat_frob' starts with 'compat_', the kernel's prefix for compat entry points (compat_sys_<name>) and arm64's __NR_compat_<name>; name the syscall itself and set 'compat:'"] }],
  ['a __ prefix', { given: `${SERIES}syscalls:\n  - { name: __frob }\n`, want: ["t.yaml:3:13: error: syscalls[0].name: '__frob' starts with '__', which C reserves for the implementation and the kernel uses for its syscall wrappers (__x64_sys_<name>, __se_sys_<name>, __do_sys_<name>)"] }],
];

const arg = (decl: string) => call(`args: [${JSON.stringify(decl)}]`);
const argCase = (title: string, decl: string, reason: string): Case => [title, { given: arg(decl), want: [`t.yaml:3:26: error: syscalls[0].args[0]: ${JSON.stringify(decl)} ${NOT_DECL}: ${reason}`] }];
const argCases: Case[] = [
  argCase('not C at all', 'this is ))) not C', "unbalanced ')'"),
  argCase('a newline and an #include', 'int fd\n#include <linux/evil.h>', 'it must be a single line'),
  argCase('a comment that closes', 'int fd */ int x', "'*/' would close a comment"),
  argCase('a comment that opens', 'int /* x */ fd', "'/*' would open a comment"),
  argCase('a line comment', 'int fd // the fd', "'//' would open a comment"),
  argCase('a preprocessor directive', '#define fd 1', "'#' would start a preprocessor directive"),
  argCase('a statement', 'int fd; int x', "';' would end the declaration"),
  argCase('two parameters in one', 'int a, int b', "',' separates two parameters: give each its own arg"),
  argCase('a brace', 'int fd {', "'{' cannot appear in a parameter declaration"),
  argCase('an unclosed parenthesis', 'int (fd', "unclosed '('"),
  argCase('mismatched brackets', 'int fd[1)', "unbalanced ')'"),
  argCase('a function pointer', 'int (*fn)(int)', "arrays and function pointers are not supported: pass a pointer, e.g. 'int __user *p'"),
  argCase('an array', 'char name[16]', "arrays and function pointers are not supported: pass a pointer, e.g. 'int __user *p'"),
  argCase('a type without a name', 'unsigned int', "its name 'int' is a C keyword: an arg needs a type and a name, e.g. 'unsigned int flags'"),
  argCase('a name without a type', 'fd', "'fd' has no type: an arg needs a type and a name, e.g. 'int fd'"),
  argCase('only qualifiers', 'const __user x', "'x' has no type, only qualifiers"),
  argCase('a pointer without a name', 'int __user *', "it has no name after the '*': an arg needs a type and a name, e.g. 'int __user *p'"),
  argCase('struct without a tag', 'struct *p', "'struct' needs a tag name"),
  argCase('a storage class', 'static int fd', "'static' cannot appear in a parameter's type"),
  argCase('a statement keyword', 'return fd', "'return' cannot appear in a parameter's type"),
  argCase('a name that is an annotation', 'char *__user', "its name '__user' is a kernel annotation macro that expands to nothing: an arg needs a type and a name, e.g. 'unsigned int flags'"),
  argCase('a non-ASCII letter', 'int fé', "'é' cannot appear in a C declaration"),
  argCase('a control character', 'int\u0001fd', 'U+0001 cannot appear in a C declaration'),
  argCase('a word that is not an identifier', 'int 3fd', "'3fd' is not a C identifier"),
  argCase('blank', '   ', "it is empty: an arg needs a type and a name, e.g. 'int fd'"),
  ['empty', { given: arg(''), want: ["t.yaml:3:26: error: syscalls[0].args[0]: must not be empty: an arg needs a type and a name, e.g. 'int fd'"] }],
  ['compat_args are checked the same way', { given: call('args: ["int fd"], compat: true, compat_args: ["compat_int_t fd)"]'), want: [`t.yaml:3:65: error: syscalls[0].compat_args[0]: "compat_int_t fd)" ${NOT_DECL}: unbalanced ')'`] }],
  ['two parameters with one name', { given: call('args: ["int fd", "unsigned int fd"]'), want: ["t.yaml:3:36: error: duplicate parameter name 'fd' (also args[0])"] }],
  ['the arg types of defs/ and test/fixtures/', {
    given: `${SERIES}syscalls:\n${[
      ['const struct sframe_setup __user *setup', 'unsigned int flags', 'size_t size', 'int dfd', 'const char __user *path', 'u64 __user *mnt_ids'],
      ['void __user *uaddr', 'unsigned long mask', 'struct __kernel_timespec __user *timespec', 'clockid_t clockid', 'u32 flags', 'umode_t mode'],
      ['const char __user *const __user *argv', 'const compat_sigset_t __user *sigmask', 'compat_size_t sigsetsize', 'unsigned\tint\tfd'],
    ].map((args, i) => `  - { name: frob${i}, args: ${JSON.stringify(args)} }\n`).join('')}`,
    want: [],
  }],
];

const docCases: Case[] = [
  ['a struct doc that closes the comment', { given: withStruct({ doc: '"a frob */ int evil;"' }), want: ["t.yaml:7:10: error: structs[0].doc: '*/' would close the C comment this text is printed in"] }],
  ['a field doc that opens a comment', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: flags, type: __u64, doc: "zero /* for now"'), want: ["t.yaml:8:47: error: structs[0].fields[0].doc: '/*' would open a comment inside the C comment this text is printed in"] }],
  ['a flag doc that closes the comment', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob\n    flags: [{ name: FROB_X, bit: 0, doc: "x */" }]'), want: ["t.yaml:8:42: error: structs[0].flags[0].doc: '*/' would close the C comment this text is printed in"] }],
  ['a syscall doc that closes the comment', { given: call('doc: "frobs */"'), want: ["t.yaml:3:24: error: syscalls[0].doc: '*/' would close the C comment this text is printed in"] }],
  ['the unistd.h comment', { given: `series: { name: t, subject: t, author: "A B <a@b.c>", unistd: { comment: "frob */" } }\nsyscalls:\n  - { name: frob }\n`, want: ["t.yaml:1:74: error: series.unistd.comment: '*/' would close the C comment this text is printed in"] }],
  ['a subject is mail, not a comment: */ is fine there', { given: `series: { name: t, subject: "frob */ x", author: "A B <a@b.c>" }\nsyscalls:\n  - { name: frob }\n`, want: [] }],
  ['a carriage return in a doc', { given: call('doc: "frobs\\r"'), want: ['t.yaml:3:24: error: syscalls[0].doc: must be a single line without control characters'] }],
];

const headerCase = (title: string, header: string, reason: string): Case => [title, { given: withStruct({ header }), want: [`t.yaml:6:13: error: header path '${header}' ${reason}`] }];
const WIRED = 'is a file syswire edits to wire syscalls up; give the struct a uapi header of its own, e.g. include/uapi/linux/<name>.h';
const headerCases: Case[] = [
  headerCase('asm-generic/unistd.h', 'include/uapi/asm-generic/unistd.h', WIRED),
  headerCase('syscalls.h', 'include/linux/syscalls.h', WIRED),
  headerCase('compat.h', 'include/linux/compat.h', WIRED),
  headerCase('sys_ni.c', 'kernel/sys_ni.c', WIRED),
  headerCase('a syscall table', 'arch/x86/entry/syscalls/syscall_64.tbl', WIRED),
  headerCase("an arch's uapi unistd header", 'arch/x86/include/uapi/asm/unistd_64.h', WIRED),
  headerCase("arm64's unistd32.h", 'arch/arm64/include/asm/unistd32.h', WIRED),
  headerCase('a header outside include/uapi/', 'include/linux/frob.h', 'must be a .h file under include/uapi/'),
  headerCase('not a .h file', 'include/uapi/linux/frob.hpp', 'must be a .h file under include/uapi/'),
  headerCase('no file name', 'include/uapi/linux/.h', 'must be a .h file under include/uapi/'),
  headerCase('a path with ./ in it', 'include/uapi/./linux/frob.h', "must be written plainly, without '.', '..' or repeated '/' components"),
  headerCase('an absolute path', '/usr/include/linux/frob.h', 'is outside the kernel tree'),
  ['an existing uapi header is fine', { given: withStruct({ header: 'include/uapi/linux/mount.h' }), want: [] }],
];

const numberCase = (given: string, shown = given): Case => [`number: ${given}`, { given: call(`number: ${given}`), want: [`t.yaml:3:27: error: syscalls[0].number: ${NUMBER(shown)}`] }];
const numberCases: Case[] = [
  numberCase('9007199254740991'),
  numberCase('99999999999999999999999', '1e+23'),
  numberCase('1e400', 'Infinity'),
  numberCase('.inf', 'Infinity'),
  numberCase('.nan', 'NaN'),
  numberCase('1000001'),
  numberCase('-1'),
  numberCase('462.5'),
  numberCase('"463"', '"463"'),
  ['number: 1000000 is the largest accepted', { given: call('number: 1000000'), want: [] }],
  ['number: 0x1cf is 463', { given: call('number: 0x1cf'), want: [] }],
  ['a struct array of 2^53 - 1 elements', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: pad, type: __u8, count: 9007199254740991, doc: d'), want: ['t.yaml:8:46: error: structs[0].fields[0].count: must be an integer from 1 to 4096, not 9007199254740991'] }],
  ['a field since version 1e+23', { given: struct('header: include/uapi/linux/frob.h\n    doc: a frob', 'name: pad, type: __u8, since: 99999999999999999999999, doc: d'), want: ['t.yaml:8:46: error: structs[0].fields[0].since: must be an integer from 0 to 64, not 1e+23'] }],
  ['a series version of 2^53', { given: `series: { name: t, version: 9007199254740992, subject: t, author: "A B <a@b.c>" }\nsyscalls:\n  - { name: frob }\n`, want: ['t.yaml:1:29: error: series.version: must be an integer from 1 to 1000, not 9007199254740992'] }],
];

const allAtOnce: Case[] = [
  ['every problem at once', {
    given: `${SERIES}syscalls:\n  - { name: syscalls, number: 1e400, args: ["int ))"], doc: "*/" }\nstructs:\n  - { name: frob, header: include/uapi/linux/frob.h, doc: ok, fields: [{ name: int, type: __u64, doc: "/*" }] }\n`,
    want: [
      "t.yaml:3:13: error: syscalls[0].name: 'syscalls' collides with the kernel's own macros: __NR_syscalls is the size of the generic table (asm-generic/unistd.h)",
      `t.yaml:3:31: error: syscalls[0].number: ${NUMBER('Infinity')}`,
      `t.yaml:3:45: error: syscalls[0].args[0]: "int ))" ${NOT_DECL}: unbalanced ')'`,
      "t.yaml:3:61: error: syscalls[0].doc: '*/' would close the C comment this text is printed in",
      "t.yaml:5:80: error: structs[0].fields[0].name: 'int' is a C keyword",
      "t.yaml:5:103: error: structs[0].fields[0].doc: '/*' would open a comment inside the C comment this text is printed in",
    ],
  }],
];

describe.each([
  ['UTF-8', textCases],
  ['YAML hazards', yamlCases],
  ['names are C identifiers, not keywords', nameCases],
  ["names that collide with the kernel's macros", reservedCases],
  ['each arg is one C parameter declaration', argCases],
  ['doc strings inside C comments', docCases],
  ['struct headers', headerCases],
  ['bounded numbers', numberCases],
  ['all problems are collected', allAtOnce],
])('%s', (_group, cases) => {
  it.each(cases)('%s', (_title, { given, want }) => {
    expect(diagnosticsOf(given)).toEqual(want);
  });
});

describe('limits are quick', () => {
  it('refuses an alias bomb of 9^9 strings in well under a second', () => {
    const [, { given }] = yamlCases[0]!;
    const start = performance.now();
    expect(diagnosticsOf(given)).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('reading the DEFS file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syswire-defs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const valid = readFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), 'utf8');
  /** What sframe.yaml written as Latin-1 must draw: each line's first non-ASCII byte, where the file has it. */
  const latin1Errors = () =>
    valid.split('\n').flatMap((line, i) => {
      const col = line.search(/[^\x00-\x7f]/);
      return col < 0 ? [] : [`latin1.yaml:${i + 1}:${col + 1}: error: invalid UTF-8 byte 0x${line.charCodeAt(col).toString(16)}: ${UTF8}`];
    });
  const ctx = { stdout: () => {}, stderr: () => {}, cwd: dir, env: {} };
  const refusal = (path: string): string[] => {
    try {
      loadDefsArg(ctx, path);
      return [];
    } catch (err) {
      if (!(err instanceof DiagnosticError)) throw err;
      return err.diagnostics.map(formatDiagnostic);
    }
  };
  const at = (name: string) => join(dir, name);

  const fileCases: [string, { given: () => string; want: string[] }][] = [
    ['a missing file', { given: () => 'nope.yaml', want: ['nope.yaml: error: no such definition file'] }],
    ['a directory', { given: () => (mkdirSync(at('dir.yaml')), 'dir.yaml'), want: ['dir.yaml: error: is a directory, not a regular file'] }],
    ['a FIFO (refused without waiting for a writer)', { given: () => (execFileSync('mkfifo', [at('fifo.yaml')]), 'fifo.yaml'), want: ['fifo.yaml: error: is a FIFO, not a regular file'] }],
    ['/dev/zero', { given: () => '/dev/zero', want: ['/dev/zero: error: is a device, not a regular file'] }],
    ['a symlink to /dev/zero', { given: () => (symlinkSync('/dev/zero', at('zero.yaml')), 'zero.yaml'), want: ['zero.yaml: error: is a device, not a regular file'] }],
    ['a symlink loop', { given: () => (symlinkSync('loop-b.yaml', at('loop-a.yaml')), symlinkSync('loop-a.yaml', at('loop-b.yaml')), 'loop-a.yaml'), want: ['loop-a.yaml: error: is a symbolic link loop (or a chain of more than 40 links)'] }],
    ['a dangling symlink', { given: () => (symlinkSync('gone.yaml', at('dangling.yaml')), 'dangling.yaml'), want: ['dangling.yaml: error: is a dangling symbolic link: its target does not exist'] }],
    ['a path through a file', { given: () => (writeFileSync(at('plain'), 'x'), 'plain/defs.yaml'), want: ['plain/defs.yaml: error: no such definition file'] }],
    ['one byte over 1 MiB', { given: () => (writeFileSync(at('big.yaml'), `${valid}${'#'.repeat(MAX_DEFINITION_BYTES - Buffer.byteLength(valid))}\n`), 'big.yaml'), want: ['big.yaml: error: is 1048577 bytes; a definition may be at most 1 MiB (1048576 bytes)'] }],
    ['exactly 1 MiB loads', { given: () => (writeFileSync(at('limit.yaml'), `${valid}${'#'.repeat(MAX_DEFINITION_BYTES - Buffer.byteLength(valid) - 1)}\n`), 'limit.yaml'), want: [] }],
    ['a symlink to a definition loads', { given: () => (symlinkSync(join(REPO_ROOT, 'defs/sframe.yaml'), at('link.yaml')), 'link.yaml'), want: [] }],
    ['a Latin-1 definition', { given: () => (writeFileSync(at('latin1.yaml'), Buffer.from(valid, 'latin1')), 'latin1.yaml'), want: latin1Errors() }],
  ];

  it('finds the Latin-1 bytes of sframe.yaml at all (the case above needs some)', () => {
    expect(latin1Errors().length).toBeGreaterThan(0);
  });

  it.each(fileCases)('%s', (_title, { given, want }) => {
    expect(refusal(given())).toEqual(want);
  });

  const valids = [
    ...readdirSync(join(REPO_ROOT, 'defs')).filter((f) => f.endsWith('.yaml')).map((f) => `defs/${f}`),
    ...readdirSync(join(REPO_ROOT, 'test/fixtures'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('bad-defs/'))
      .map((f) => `test/fixtures/${f}`),
  ];
  it.each(valids)('%s loads with no diagnostics', (file) => {
    expect(refusal(join(REPO_ROOT, file))).toEqual([]);
  });
});
