/**
 * Entry point: dispatch argv to a command and return its exit code.  Only
 * bin/syswire.js calls process.exit (through process.exitCode).
 */
import { checkGitVersion } from '../git/git-runner.js';
import { EXIT, type CliContext } from './context.js';
import { reportError } from './errors.js';

const USAGE = `usage: syswire <command> [options]

commands:
  generate DEFS [--tree DIR] [--out DIR] [--apply | --dry-run | --check] [--provisional]
      write OUT/<series>.patch wiring DEFS into the tree
  series DEFS [--tree DIR] [--out DIR] [--rfc] [--abbrev N] [--check]
      write OUT/vN-0000-cover-letter.patch, OUT/vN-000M-<slug>.patch (git format-patch)
  renumber DEFS --tree NEWBASE [--from OLDBASE | --patches OLD] [--out DIR] [--note]
  renumber --patches DIR --tree NEWBASE [--out DIR]
      move a series to the next free numbers of NEWBASE and regenerate its patches
  numbers [--tree DIR] [--json]
      print the tree's syscall numbers, one row per syscall, one column per table
  schema
      print the JSON Schema of definition files
  lint [--tree DIR] [PATCH...]
      check the tree (or what PATCHes do to it): missing rows, numbers, ABI tags, whitespace, ...
  merge-driver [--upstream ours|theirs|auto] %O %A %B %P
      git merge driver: keep upstream's new syscalls, renumber the branch's after them
  install-merge-driver [--repo DIR] [--upstream ours|theirs|auto] [--info]
      register the merge driver (git config + attributes for *.tbl, unistd.h, ...)

The tree is --tree DIR, else $SYSWIRE_TREE, else the kernel tree holding the working directory.
`;

type Command = (args: string[], ctx: CliContext) => Promise<number> | number;

const COMMANDS: Record<string, () => Promise<Command>> = {
  generate: async () => (await import('./commands/generate.js')).runGenerate,
  numbers: async () => (await import('./commands/numbers.js')).runNumbers,
  series: async () => (await import('./commands/series.js')).runSeries,
  renumber: async () => (await import('./commands/renumber.js')).runRenumber,
  schema: async () => (await import('./commands/schema.js')).runSchema,
  lint: async () => (await import('./commands/lint.js')).runLint,
  'merge-driver': async () => (await import('./commands/merge-driver.js')).runMergeDriver,
  'install-merge-driver': async () => (await import('./commands/install-merge-driver.js')).runInstallMergeDriver,
};

/** Commands that never run git, so need no version check. */
const NO_GIT = new Set(['numbers', 'schema']);

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name ? ctx.stdout : ctx.stderr)(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = COMMANDS[name];
  if (!load) {
    ctx.stderr(`syswire: unknown command '${name}'\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    if (!NO_GIT.has(name)) checkGitVersion(ctx.cwd);
    return await (await load())(rest, ctx);
  } catch (err) {
    return reportError(ctx, err);
  }
}
