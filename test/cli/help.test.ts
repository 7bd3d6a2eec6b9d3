// Help like git's, from one source (src/cli/command-specs.ts): every
// command answers `help COMMAND`, `COMMAND --help` and `-h` with its
// synopsis, summary, options and an example; unknown options and commands
// are named with the nearest ones; README.md's "## Commands" block is
// `syswire help`.  All in-process, no kernel tree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/cli/command-specs.js';
import { formatCommandHelp, formatOverview, optionLabel } from '../../src/cli/help-text.js';
import { editDistance, nearestNames } from '../../src/cli/nearest-name.js';
import { runCaptured } from '../support/cli-run.js';
import { REPO_ROOT } from '../support/kernel-trees.js';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

describe('nearest names', () => {
  it.each([
    ['apply', 'apply', 0],
    ['aply', 'apply', 1],
    ['dryrun', 'dry-run', 1],
    ['genrate', 'generate', 1],
    ['tre', 'tree', 1],
    ['ptaches', 'patches', 2],
    ['', 'out', 3],
    ['kitten', 'sitting', 3],
  ])('%s -> %s is %i edits', (a, b, want) => {
    expect(editDistance(a, b)).toBe(want);
    expect(editDistance(b, a)).toBe(want);
  });

  it('keeps every name at the smallest distance, none beyond 2', () => {
    expect(nearestNames('chek', ['check', 'tree', 'out'])).toEqual(['check']);
    expect(nearestNames('ot', ['out', 'rfc', 'oo'])).toEqual(['out', 'oo']);
    expect(nearestNames('frobnicate', ['generate', 'series'])).toEqual([]);
  });
});

describe.each(COMMAND_SPECS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
  it('has a synopsis, a one-line summary, explained options and an example', () => {
    expect(spec.synopsis.length).toBeGreaterThan(0);
    for (const s of spec.synopsis) expect(s.startsWith(name) || s === `--${name}`).toBe(true);
    expect(spec.summary).toMatch(/^[^\n]{10,100}$/);
    for (const [option, o] of Object.entries(spec.options)) {
      expect(o.help, option).toMatch(/^[^\n]{10,}$/);
      expect(spec.synopsis.join(' '), `--${option} in the synopsis`).toContain(`--${option}`);
    }
    expect(spec.example.length).toBeGreaterThan(0);
    for (const e of spec.example) expect(e.startsWith(`syswire ${name}`) || e === `syswire --${name}`).toBe(true);
  });

  it('help COMMAND, COMMAND --help and -h print it and exit 0', async () => {
    const help = formatCommandHelp(spec);
    for (const argv of [['help', name], [name, '--help'], [name, '-h'], ['--help', name]]) {
      expect(await runCaptured(...argv), argv.join(' ')).toEqual({ code: 0, out: help, err: '' });
    }
    const usage = spec.synopsis.map((line, i) => `${i === 0 ? 'usage' : '   or'}: syswire ${line}\n`).join('');
    expect(help.startsWith(`${usage}\n${spec.summary}\n\noptions:\n`)).toBe(true);
    for (const [option, o] of Object.entries(spec.options)) expect(help).toMatch(new RegExp(`\n    ${optionLabel(option, o).replace(/[|$]/g, '\\$&')} +${o.help.replace(/[()[\]|$.*+?]/g, '\\$&')}\n`));
    expect(help).toContain('-h, --help');
    expect(help).toContain(`\nexample:\n    ${spec.example[0]}\n`);
  });

});

// `help` and `version` take no options of their own to be wrong about.
describe.each(COMMAND_SPECS.filter((spec) => spec.name !== 'help' && spec.name !== 'version').map((spec) => [spec.name] as const))('%s', (name) => {
  it('names itself and its help on an unknown option', async () => {
    const r = await runCaptured(name, '--no-such-option');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`syswire ${name}: unknown option '--no-such-option'\n(see 'syswire ${name} --help')\n`);
  });
});

describe('help output', () => {
  it('generate --help', () => {
    expect(formatCommandHelp(COMMAND_SPECS[0]!)).toBe(`usage: syswire generate DEFS [--tree DIR] [--out DIR] [--apply | --dry-run | --check] [--provisional]

write OUT/<series>.patch and OUT/bindings/<series>.ts, wiring the syscalls of DEFS into the tree

options:
    --tree DIR     the kernel tree (default: $SYSWIRE_TREE, else the tree holding the working directory)
    --out DIR      where the output goes (default: out)
    --apply        also edit the tree in place (all or nothing; a second run changes nothing)
    --dry-run      list the files that would change and write nothing
    --check        write nothing; exit 1 when the files in --out are stale
    --provisional  mark the bindings' numbers provisional, even for calls the tree has
    -h, --help     print this help

example:
    syswire generate defs/sframe.yaml --tree ~/src/linux --out out
`);
  });

  it('help, -h and --help list every command; no command is a usage error', async () => {
    const overview = formatOverview();
    for (const spec of COMMAND_SPECS) expect(overview).toContain(`\n  ${spec.synopsis[0]}\n`);
    for (const flag of ['help', '-h', '--help']) expect(await runCaptured(flag)).toEqual({ code: 0, out: overview, err: '' });
    expect(await runCaptured()).toEqual({ code: 2, out: '', err: overview });
  });

  it('--help wins over a bad option; after -- it is an argument', async () => {
    expect((await runCaptured('generate', '--aply', '--help')).code).toBe(0);
    const r = await runCaptured('lint', '--', '--help');
    expect(r.code).toBe(1);
    expect(r.err).toContain('not inside a kernel tree');
  });

  it('--version and version print the version in package.json', async () => {
    for (const argv of [['--version'], ['version']]) expect(await runCaptured(...argv)).toEqual({ code: 0, out: `syswire ${pkg.version}\n`, err: '' });
    expect((await runCaptured('version', 'extra')).code).toBe(2);
  });
});

describe('mistakes', () => {
  it.each([
    [['generate', 'defs/sframe.yaml', '--aply'], "syswire generate: unknown option '--aply'\ndid you mean '--apply'?\n(see 'syswire generate --help')\n"],
    [['generate', 'defs/sframe.yaml', '-dry-run'], "syswire generate: unknown option '-d' (in '-dry-run')\ndid you mean '--dry-run'?\n(see 'syswire generate --help')\n"],
    [['series', 'defs/sframe.yaml', '--abrev=9'], "syswire series: unknown option '--abrev'\ndid you mean '--abbrev'?\n(see 'syswire series --help')\n"],
    [['renumber', '--ptaches', 'out'], "syswire renumber: unknown option '--ptaches'\ndid you mean '--patches'?\n(see 'syswire renumber --help')\n"],
    [['numbers', '--frobnicate'], "syswire numbers: unknown option '--frobnicate'\n(see 'syswire numbers --help')\n"],
    [['install-merge-driver', '--upstream', 'mine'], "syswire install-merge-driver: --upstream must be one of ours, theirs, auto\n(see 'syswire install-merge-driver --help')\n"],
    [['generate'], "syswire generate: expected one definition file (DEFS)\n(see 'syswire generate --help')\n"],
    [['genrate'], "syswire: 'genrate' is not a syswire command. See 'syswire help'.\n\nThe most similar command is\n\tgenerate\n"],
    [['help', 'lnt'], "syswire: 'lnt' is not a syswire command. See 'syswire help'.\n\nThe most similar command is\n\tlint\n"],
    [['frobnicate'], "syswire: 'frobnicate' is not a syswire command. See 'syswire help'.\n"],
    [['--verison'], "syswire: unknown option '--verison'\ndid you mean '--version'?\n(see 'syswire help')\n"],
  ])('%j', async (argv, err) => {
    expect(await runCaptured(...argv)).toEqual({ code: 2, out: '', err });
  });
});

describe('README.md', () => {
  it("'## Commands' is the block `syswire help` prints", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /\n## Commands\n\n```\n([\s\S]*?)```\n/.exec(readme)?.[1];
    const want = formatOverview();
    expect(block, `README.md's "## Commands" code block should be (node bin/syswire.js help):\n\n\`\`\`\n${want}\`\`\`\n`).toBe(want);
  });
});
