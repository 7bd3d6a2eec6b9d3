/**
 * The help texts, printed from command-specs.ts in git's layout:
 *
 *   syswire help             the command list (also README.md's "## Commands")
 *   syswire help COMMAND     usage: lines, the summary, options, an example
 *   syswire COMMAND --help   the same
 *   syswire --version        `syswire <version>`, the version in package.json
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_SPECS, type CommandSpec, type OptionSpec } from './command-specs.js';
import { PACKAGE_ROOT } from './context.js';

/** `-h, --help`, which every command takes (run-cli.ts answers it before the command runs). */
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'print this help' };

const TREE_RULE = 'The tree is --tree DIR, else $SYSWIRE_TREE, else the kernel tree holding the working directory.';

/** `syswire help`: every command's synopsis and summary. */
export function formatOverview(): string {
  const lines = ['usage: syswire <command> [options]', '', 'commands:'];
  for (const spec of COMMAND_SPECS) {
    lines.push(...spec.synopsis.map((s) => `  ${s}`), `      ${spec.summary}`);
  }
  lines.push('', TREE_RULE, "See 'syswire help <command>' or 'syswire <command> --help' for its options and an example.");
  return `${lines.join('\n')}\n`;
}

/** `syswire help COMMAND`: synopsis, summary, options (one line each) and an example. */
export function formatCommandHelp(spec: CommandSpec): string {
  const usage = spec.synopsis.map((s, i) => `${i === 0 ? 'usage' : '   or'}: syswire ${s}`);
  const options = [...Object.entries(spec.options), ['help', HELP_OPTION] as const].map(([name, option]) => [optionLabel(name, option), option.help] as const);
  const width = Math.max(...options.map(([label]) => label.length)) + 2;
  return [
    ...usage,
    '',
    spec.summary,
    '',
    'options:',
    ...options.map(([label, help]) => `    ${label.padEnd(width)}${help}`),
    '',
    'example:',
    ...spec.example.map((e) => `    ${e}`),
    '',
  ].join('\n');
}

/** `--tree DIR`, `-h, --help`: an option as the synopsis spells it. */
export function optionLabel(name: string, option: OptionSpec): string {
  const long = `--${name}${option.arg ? ` ${option.arg}` : ''}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

/** `syswire --version`. */
export function formatVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `syswire ${pkg.version}\n`;
}
