/**
 * Argument parsing on node:util parseArgs, with each command's option
 * table from command-specs.ts (the one its help prints).  A malformed
 * command line is a usage error (exit 2): an unknown option is named with
 * its command and, like git's "did you mean", the nearest option.
 */
import { parseArgs } from 'node:util';
import type { CommandSpec, OptionTable } from './command-specs.js';
import { HELP_OPTION } from './help-text.js';
import { nearestNames } from './nearest-name.js';

export class UsageError extends Error {
  /** The command it was given to, for the "(see 'syswire <command> --help')" hint. */
  command?: string;
}

export function parseCommandArgs<const O extends OptionTable>(spec: CommandSpec<O>, args: string[]) {
  const unknown = unknownOption(spec, args);
  if (unknown) throw unknown;
  let parsed;
  try {
    parsed = parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(spec, (err as Error).message);
  }
  const n = parsed.positionals.length;
  if (n < spec.positionals.min || n > spec.positionals.max) throw usageError(spec, `expected ${spec.positionals.names}`);
  return parsed;
}

/** Whether `-h` or `--help` is among the options (not after `--`, not an option's value). */
export function wantsHelp(spec: CommandSpec, args: string[]): boolean {
  return optionTokens(spec, args).some((t) => t.name === 'help');
}

/** The first option the command does not take, as a usage error suggesting the nearest one. */
function unknownOption(spec: CommandSpec, args: string[]): UsageError | undefined {
  const token = optionTokens(spec, args).find((t) => !Object.hasOwn(spec.options, t.name));
  if (!token) return undefined;
  const raw = args[token.index]!.split('=')[0]!;
  // `-dry-run` is read as -d -r -y ...: git answers "did you mean --dry-run (with two dashes)".
  const word = !raw.startsWith('--') && raw.length > 2 ? raw.slice(1) : token.name;
  const nearest = nearestNames(word, Object.keys(spec.options)).map((name) => `'--${name}'`);
  const shown = token.rawName === raw ? `'${raw}'` : `'${token.rawName}' (in '${raw}')`;
  const hint = nearest.length > 0 ? `\ndid you mean ${nearest.join(' or ')}?` : '';
  return usageError(spec, `unknown option ${shown}${hint}`);
}

/** parseArgs' option tokens, read leniently, with -h/--help known. */
function optionTokens(spec: CommandSpec, args: string[]) {
  const { tokens } = parseArgs({ args, options: { ...spec.options, help: HELP_OPTION }, allowPositionals: true, strict: false, tokens: true });
  return tokens.flatMap((t) => (t.kind === 'option' ? [t] : []));
}

function usageError(spec: CommandSpec, message: string): UsageError {
  const err = new UsageError(`syswire ${spec.name}: ${message}`);
  err.command = spec.name;
  return err;
}
