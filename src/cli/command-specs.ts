/**
 * Every command's synopsis, one-line summary, options and example, written
 * once.  parseCommandArgs() parses with these option tables, `syswire help`
 * and `--help` print them (help-text.ts), and README.md's "## Commands"
 * block is `syswire help` (test/cli/help.test.ts keeps them equal).
 *
 * A synopsis line is what follows `syswire `; an option's `arg` names its
 * value in the help (`--tree DIR`), `help` is its one-line explanation.
 */

/** One option: node:util parseArgs' `type` (and `short`), plus its help. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's name in the help, for a string option: `DIR`, `N`. */
  readonly arg?: string;
  /** One line: what the option does, its default. */
  readonly help: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** One command's help and its parseArgs configuration. */
export interface CommandSpec<O extends OptionTable = OptionTable> {
  readonly name: string;
  /** One or more ways to call it, after `syswire `. */
  readonly synopsis: readonly string[];
  /** One line, lower case, no full stop (as git's command list). */
  readonly summary: string;
  readonly options: O;
  /** How many positional arguments it takes; `names` is said when the count is wrong. */
  readonly positionals: { readonly min: number; readonly max: number; readonly names: string };
  /** Command lines a user can copy. */
  readonly example: readonly string[];
}

/** Keeps each option table's literal types, so parseArgs types its values. */
function defineCommand<const O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

const TREE = { type: 'string', arg: 'DIR', help: 'the kernel tree (default: $SYSWIRE_TREE, else the tree holding the working directory)' } as const;
const OUT = { type: 'string', arg: 'DIR', help: 'where the output goes (default: out)' } as const;
const RFC = { type: 'boolean', help: "mark the series [RFC PATCH] (as the definition's rfc: true)" } as const;
const ABBREV = { type: 'string', arg: 'N', help: "hash length in the mails, 7 to 40 (default: the definition's abbrev:, else 12)" } as const;
const CHECK = { type: 'boolean', help: 'write nothing; exit 1 when the files in --out are stale' } as const;
const UPSTREAM = { type: 'string', arg: 'ours|theirs|auto', help: 'the side that keeps its numbers (default auto: ours in a rebase or cherry-pick, theirs in a merge)' } as const;

export const GENERATE = defineCommand({
  name: 'generate',
  synopsis: ['generate DEFS [--tree DIR] [--out DIR] [--apply | --dry-run | --check] [--provisional]'],
  summary: 'write OUT/<series>.patch and OUT/bindings/<series>.ts, wiring the syscalls of DEFS into the tree',
  options: {
    tree: TREE,
    out: OUT,
    apply: { type: 'boolean', help: 'also edit the tree in place (all or nothing; a second run changes nothing)' },
    'dry-run': { type: 'boolean', help: 'list the files that would change and write nothing' },
    check: CHECK,
    provisional: { type: 'boolean', help: "mark the bindings' numbers provisional, even for calls the tree has" },
  },
  positionals: { min: 1, max: 1, names: 'one definition file (DEFS)' },
  example: ['syswire generate defs/sframe.yaml --tree ~/src/linux --out out'],
});

export const SERIES = defineCommand({
  name: 'series',
  synopsis: ['series DEFS [--tree DIR] [--out DIR] [--rfc] [--abbrev N] [--date DATE] [--mbox] [--check]'],
  summary: 'write the posting: OUT/vN-000M-*.patch (git format-patch, threaded, with To/Cc), selftest, man pages',
  options: {
    tree: TREE,
    out: OUT,
    rfc: RFC,
    abbrev: ABBREV,
    date: { type: 'string', arg: 'DATE', help: "the mails' date (default: the definition's date, else now)" },
    mbox: { type: 'boolean', help: 'also write OUT/<series>-vN.mbox, the whole thread in one file' },
    check: CHECK,
  },
  positionals: { min: 1, max: 1, names: 'one definition file (DEFS)' },
  example: ['syswire series defs/sframe.yaml --tree ~/src/linux --out out/v3'],
});

export const RENUMBER = defineCommand({
  name: 'renumber',
  synopsis: ['renumber DEFS --tree NEWBASE [--from OLDBASE | --patches OLD] [--out DIR] [--note] [--rfc] [--abbrev N] [--check]', 'renumber --patches DIR --tree NEWBASE [--out DIR] [--check]'],
  summary: 'move a series to the next free numbers of NEWBASE and regenerate its patches',
  options: {
    tree: { type: 'string', arg: 'NEWBASE', help: 'the new base (default: $SYSWIRE_TREE, else the tree holding the working directory)' },
    from: { type: 'string', arg: 'OLDBASE', help: 'the old base: the old numbers are those it gives the series' },
    patches: { type: 'string', arg: 'DIR', help: "the previous patches: with DEFS the old numbers, without DEFS the series to renumber" },
    out: OUT,
    note: { type: 'boolean', help: "add 'Renumber <name> <old> -> <new> after rebase' to this version's changelog" },
    rfc: RFC,
    abbrev: ABBREV,
    check: CHECK,
  },
  positionals: { min: 0, max: 1, names: 'DEFS --tree NEWBASE, or --patches DIR --tree NEWBASE' },
  example: ['syswire renumber defs/sframe.yaml --tree ~/src/linux --from ~/src/linux-old --note', 'syswire renumber --patches out/v2 --tree ~/src/linux --out out/v3'],
});

export const PROVE = defineCommand({
  name: 'prove',
  synopsis: ['prove DEFS [--tree DIR] [--arch LIST] [--patches DIR] [--out DIR] [--timeout SECONDS]'],
  summary: "boot the tree with the series under QEMU and run its selftest and the bindings' numbers on every ABI",
  options: {
    tree: TREE,
    arch: { type: 'string', arg: 'LIST', help: 'kernel arches to boot, comma-separated: x86_64 (-m64, -m32, -mx32), arm64 (AArch64, 32-bit arm) (default: both)' },
    patches: { type: 'string', arg: 'DIR', help: "boot the series in DIR (as `series` wrote it, or as edited) instead of DEFS's; the bindings' numbers still come from DEFS" },
    out: { type: 'string', arg: 'DIR', help: 'console logs, TAP files and test programs (default: out/prove)' },
    timeout: { type: 'string', arg: 'SECONDS', help: 'kill a guest that has not powered off after this long; its console log is kept (default: 300)' },
  },
  positionals: { min: 1, max: 1, names: 'one definition file (DEFS)' },
  example: ['syswire prove defs/sframe.yaml --tree ~/src/linux --arch x86_64'],
});

export const NUMBERS = defineCommand({
  name: 'numbers',
  synopsis: ['numbers [--tree DIR] [--json]'],
  summary: "print the tree's syscall numbers, one row per syscall, one column per table",
  options: { tree: TREE, json: { type: 'boolean', help: 'print JSON ({ tree, version, columns, rows }) instead of the table' } },
  positionals: { min: 0, max: 0, names: 'no positional arguments' },
  example: ['syswire numbers --tree ~/src/linux | grep -w mseal'],
});

export const LINT = defineCommand({
  name: 'lint',
  synopsis: ['lint [--tree DIR] [PATCH...]'],
  summary: 'check the tree (or what PATCHes do to it): missing rows, numbers, ABI tags, whitespace, ...',
  options: { tree: TREE },
  positionals: { min: 0, max: Infinity, names: '[PATCH...]' },
  example: ['syswire lint --tree ~/src/linux out/v3-*.patch'],
});

export const SCHEMA = defineCommand({
  name: 'schema',
  synopsis: ['schema'],
  summary: 'print the JSON Schema of definition files',
  options: {},
  positionals: { min: 0, max: 0, names: 'no arguments' },
  example: ['syswire schema > defs/syswire.schema.json'],
});

export const MERGE_DRIVER = defineCommand({
  name: 'merge-driver',
  synopsis: ['merge-driver [--upstream ours|theirs|auto] %O %A %B %P'],
  summary: "git merge driver: keep upstream's new syscalls, renumber the branch's after them",
  options: { upstream: UPSTREAM },
  positionals: { min: 4, max: 4, names: '%O %A %B %P' },
  example: ['syswire merge-driver --upstream ours base.tbl ours.tbl theirs.tbl arch/x86/entry/syscalls/syscall_64.tbl'],
});

export const INSTALL_MERGE_DRIVER = defineCommand({
  name: 'install-merge-driver',
  synopsis: ['install-merge-driver [--repo DIR] [--upstream ours|theirs|auto] [--info]'],
  summary: 'register the merge driver (git config + attributes for *.tbl, unistd.h, ...)',
  options: {
    repo: { type: 'string', arg: 'DIR', help: 'the kernel repository (default: the one holding the working directory)' },
    upstream: UPSTREAM,
    info: { type: 'boolean', help: 'write the attributes to .git/info/attributes instead of .gitattributes' },
  },
  positionals: { min: 0, max: 0, names: 'no positional arguments' },
  example: ['syswire install-merge-driver --repo ~/src/linux --info'],
});

export const HELP = defineCommand({
  name: 'help',
  synopsis: ['help [COMMAND]'],
  summary: "print the commands, or COMMAND's synopsis, options and an example",
  options: {},
  positionals: { min: 0, max: 1, names: 'at most one command' },
  example: ['syswire help generate'],
});

export const VERSION = defineCommand({
  name: 'version',
  synopsis: ['--version', 'version'],
  summary: "print syswire's version",
  options: {},
  positionals: { min: 0, max: 0, names: 'no arguments' },
  example: ['syswire --version'],
});

/** Every command, in the order `syswire help` lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [GENERATE, SERIES, RENUMBER, PROVE, NUMBERS, SCHEMA, LINT, MERGE_DRIVER, INSTALL_MERGE_DRIVER, HELP, VERSION];

export function findCommandSpec(name: string): CommandSpec | undefined {
  return COMMAND_SPECS.find((spec) => spec.name === name);
}
