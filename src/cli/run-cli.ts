/**
 * Entry point: dispatch argv to a command and return its exit code.  Only
 * bin/syswire.js calls process.exit (through process.exitCode).
 */
import { checkGitVersion } from '../git/git-runner.js';
import { parseCommandArgs, UsageError, wantsHelp } from './args.js';
import { COMMAND_SPECS, findCommandSpec, HELP, VERSION } from './command-specs.js';
import { EXIT, type CliContext } from './context.js';
import { reportError } from './errors.js';
import { formatCommandHelp, formatOverview, formatVersion } from './help-text.js';
import { nearestNames } from './nearest-name.js';

type Command = (args: string[], ctx: CliContext) => Promise<number> | number;

const COMMANDS: Record<string, () => Promise<Command>> = {
  generate: async () => (await import('./commands/generate.js')).runGenerate,
  numbers: async () => (await import('./commands/numbers.js')).runNumbers,
  series: async () => (await import('./commands/series.js')).runSeries,
  renumber: async () => (await import('./commands/renumber.js')).runRenumber,
  prove: async () => (await import('./commands/prove.js')).runProve,
  schema: async () => (await import('./commands/schema.js')).runSchema,
  lint: async () => (await import('./commands/lint.js')).runLint,
  'merge-driver': async () => (await import('./commands/merge-driver.js')).runMergeDriver,
  'install-merge-driver': async () => (await import('./commands/install-merge-driver.js')).runInstallMergeDriver,
};

/** Commands that never run git, so need no version check. */
const NO_GIT = new Set(['numbers', 'schema']);

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    ctx.stderr(formatOverview());
    return EXIT.usage;
  }
  const command = name === '--help' || name === '-h' ? 'help' : name === '--version' ? 'version' : name;
  const spec = findCommandSpec(command);
  const load = COMMANDS[command];
  if (!spec || (!load && spec !== HELP && spec !== VERSION)) return unknownCommand(ctx, name);
  try {
    if (wantsHelp(spec, rest)) {
      ctx.stdout(formatCommandHelp(spec));
      return EXIT.ok;
    }
    if (spec === HELP) return printHelp(ctx, parseCommandArgs(HELP, rest).positionals[0]);
    if (spec === VERSION) {
      parseCommandArgs(VERSION, rest);
      ctx.stdout(formatVersion());
      return EXIT.ok;
    }
    if (!NO_GIT.has(command)) checkGitVersion(ctx.cwd);
    return await (await load!())(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) err.command ??= spec.name;
    return reportError(ctx, err);
  }
}

/** `syswire help [COMMAND]`. */
function printHelp(ctx: CliContext, topic: string | undefined): number {
  if (topic === undefined) {
    ctx.stdout(formatOverview());
    return EXIT.ok;
  }
  const spec = findCommandSpec(topic);
  if (!spec) return unknownCommand(ctx, topic);
  ctx.stdout(formatCommandHelp(spec));
  return EXIT.ok;
}

/** git's answer to `git stauts`: not a command, and the most similar ones. */
function unknownCommand(ctx: CliContext, name: string): number {
  if (name.startsWith('-')) {
    const nearest = nearestNames(name.replace(/^-+/, ''), ['help', 'version']).map((n) => `'--${n}'`);
    ctx.stderr(`syswire: unknown option '${name}'${nearest.length > 0 ? `\ndid you mean ${nearest.join(' or ')}?` : ''}\n(see 'syswire help')\n`);
    return EXIT.usage;
  }
  const nearest = nearestNames(name, COMMAND_SPECS.map((s) => s.name));
  const similar = nearest.length === 0 ? '' : `\nThe most similar command${nearest.length > 1 ? 's are' : ' is'}\n${nearest.map((n) => `\t${n}\n`).join('')}`;
  ctx.stderr(`syswire: '${name}' is not a syswire command. See 'syswire help'.\n${similar}`);
  return EXIT.usage;
}
