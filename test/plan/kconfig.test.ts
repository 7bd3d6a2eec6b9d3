// `series.config` on real 6.12 and 7.3 trees.  The option is compared with
// init/Kconfig's own syscall options: each one, rebuilt from its name,
// prompt condition, depends, default and help as read from the tree, must
// come out byte for byte; and CACHESTAT_SYSCALL, taken out of the file,
// must be put back exactly where it was.
import { describe, expect, it } from 'vitest';
import { parseKconfig, type KconfigEntry } from '../../src/kernel/kconfig-reader.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { DiagnosticError, formatDiagnostic } from '../../src/model/diagnostics.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { defaultPrompt, renderKconfigOption, renderObjectLine } from '../../src/render/kconfig-option.js';
import { wrapWords } from '../../src/render/helpers.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, TREE_612, TREE_73 } from '../support/kernel-trees.js';

const KCONFIG = 'init/Kconfig';

/** What a definition would say to get `entry` back: read from the entry's own lines. */
function optionOf(lines: readonly string[], entry: KconfigEntry) {
  const block = lines.slice(entry.line, entry.end + 1);
  const help = block.slice(block.indexOf('\thelp') + 1).map((l) => l.replace(/^\t {2}/, ''));
  const depends = block.find((l) => l.startsWith('\tdepends on '))?.slice('\tdepends on '.length);
  return {
    block,
    config: { name: entry.name, prompt: entry.prompt!.text, help: help.join('\n'), default: block.includes('\tdefault y'), file: KCONFIG, ...(depends ? { depends } : {}) },
  };
}

function definition(config: string, calls: string): string {
  return `series:\n  name: opt\n  subject: "an option"\n  author: "syswire tests <tests@syswire.invalid>"\n${config}syscalls:\n${calls}`;
}

describe.each([
  ['6.12', TREE_612],
  ['7.3', TREE_73],
])('Kconfig on %s', (_version, root) => {
  const source = readTreeFile(root, KCONFIG)!;
  const kconfig = parseKconfig(KCONFIG, source);
  const lines = source.split('\n');
  const entry = (name: string) => kconfig.entries.find((e) => e.name === name)!;

  it.each(['ADVISE_SYSCALLS', 'MEMBARRIER', 'KCMP', 'CACHESTAT_SYSCALL', 'UID16'])('renders %s as the tree writes it', (name) => {
    const { block, config } = optionOf(lines, entry(name));
    const condition = entry(name).prompt!.condition;
    expect(renderKconfigOption(config, { calls: [], ...(condition ? { condition } : {}) })).toEqual(block);
  });

  it('puts CACHESTAT_SYSCALL back where the tree has it, with the prompt it derives for cachestat()', () => {
    const cachestat = entry('CACHESTAT_SYSCALL');
    // Take the entry and the blank line after it out of the file.
    const without = [...lines.slice(0, cachestat.line), ...lines.slice(cachestat.end + 2)].join('\n');
    const { config } = optionOf(lines, cachestat);
    expect(defaultPrompt(['cachestat'])).toBe(config.prompt);
    const help = config.help.split('\n').map((l) => (l === '' ? '' : `      ${l}`)).join('\n');
    const loaded = loadDefinitions('opt.yaml', definition(`  config:\n    name: CACHESTAT_SYSCALL\n    help: |\n${help}\n`, '  - { name: cachestat, configurable: true }\n'));
    const plan = planWireUp(loadTree(root), loaded, (p) => (p === KCONFIG ? without : readTreeFile(root, p)));
    const edit = plan.edits.find((e) => e.path === KCONFIG)!;
    expect(edit.before).toBe(without);
    expect(edit.after).toBe(source);
  });

  it('adds the fixture option after the last syscall option (CACHESTAT_SYSCALL), before the entry that follows it', () => {
    const plan = planWireUp(loadTree(root), loadDefsFile('test/fixtures/exclusions.yaml'), (p) => readTreeFile(root, p));
    const after = plan.edits.find((e) => e.path === KCONFIG)!.after.split('\n');
    const start = after.indexOf('config FROB_SYSCALLS');
    expect(after.slice(start - 2, start)).toEqual([lines[entry('CACHESTAT_SYSCALL').end], '']);
    expect(after.slice(start, start + 5)).toEqual(['config FROB_SYSCALLS', '\tbool "Enable frob_fd() and frob_all() system calls" if EXPERT', '\tdepends on MMU', '\tdefault y', '\thelp']);
    const following = kconfig.entries[kconfig.entries.indexOf(entry('CACHESTAT_SYSCALL')) + 1]!;
    const next = after.indexOf(lines[following.line]!);
    expect(next).toBeGreaterThan(start);
    expect(after[next - 1]).toBe('');
    expect(after[next - 2]).toBe('\t  If unsure, say Y.');
    expect(after.slice(start, next - 1).every((l) => l === '' || !l.startsWith(' '))).toBe(true);
  });
});

describe('Kconfig options', () => {
  const tree = loadTree(TREE_73);
  const read = (p: string) => readTreeFile(TREE_73, p);
  const errors = (yaml: string) => {
    try {
      planWireUp(tree, loadDefinitions('opt.yaml', yaml), read);
    } catch (err) {
      if (err instanceof DiagnosticError) return err.diagnostics.map(formatDiagnostic);
      throw err;
    }
    return [];
  };

  it('refuses an option that configures no call out, at the option', () => {
    expect(errors(definition('  config: { name: FROB, help: "Frob." }\n', '  - { name: frob }\n'))).toEqual([
      expect.stringMatching(/^opt\.yaml:5:19: error: CONFIG_FROB would configure nothing out: no syscall is 'configurable: true'$/),
    ]);
  });

  it('refuses a Kconfig file the tree does not have, at `file`', () => {
    expect(errors(definition('  config: { name: FROB, help: "Frob.", file: "nowhere/Kconfig" }\n', '  - { name: frob, configurable: true }\n'))).toEqual([
      expect.stringMatching(/^opt\.yaml:5:46: error: no nowhere\/Kconfig in this tree$/),
    ]);
  });

  it('appends to a file without syscall options, with no prompt condition', () => {
    const yaml = definition('  config: { name: FROB, help: "Frob.", file: "kernel/Kconfig.hz", default: false }\n', '  - { name: frob, configurable: true }\n');
    const plan = planWireUp(tree, loadDefinitions('opt.yaml', yaml), read);
    const edit = plan.edits.find((e) => e.path === 'kernel/Kconfig.hz')!;
    expect(edit.after).toBe(`${edit.before}\nconfig FROB\n\tbool "Enable frob() system call"\n\thelp\n\t  Frob.\n`);
  });

  it('re-wraps a paragraph whose lines are too long, to 80 columns', () => {
    const long = 'word '.repeat(40).trim();
    const lines = renderKconfigOption({ name: 'X', help: `${long}\n\nshort line\nkept`, default: true, file: KCONFIG }, { calls: ['a', 'b', 'c'] });
    expect(lines[1]).toBe('\tbool "Enable a(), b() and c() system calls"');
    const help = lines.slice(lines.indexOf('\thelp') + 1);
    expect(help.slice(-3)).toEqual(['', '\t  short line', '\t  kept']);
    expect(help.every((l) => l === '' || (l.startsWith('\t  ') && l.length - 3 <= 70))).toBe(true);
    expect(help.filter((l) => l !== '').length).toBe(2 + Math.ceil(long.length / 70));
    expect(wrapWords('a-very-long-word b', 5)).toEqual(['a-very-long-word', 'b']);
  });

  it('tells, as a note at the option, the Makefile line the patch leaves to the author', () => {
    const plan = planWireUp(tree, loadDefsFile('test/fixtures/exclusions.yaml'), read);
    expect(plan.notes.filter((n) => n.message.includes('CONFIG_FROB_SYSCALLS')).map(formatDiagnostic)).toEqual([
      "test/fixtures/exclusions.yaml:9:11: note: build the implementation with 'obj-$(CONFIG_FROB_SYSCALLS) += frob.o' in kernel/Makefile; with CONFIG_FROB_SYSCALLS off, kernel/sys_ni.c's COND_SYSCALL stubs return -ENOSYS",
    ]);
  });

  it('gives the Makefile line that builds the code only with the option on', () => {
    expect(renderObjectLine({ name: 'frob', config: { name: 'FROB_SYSCALLS', help: 'x', default: true, file: KCONFIG } })).toEqual({ makefile: 'kernel/Makefile', line: 'obj-$(CONFIG_FROB_SYSCALLS) += frob.o' });
    expect(renderObjectLine({ name: 'frob', config: { name: 'FROB_SYSCALLS', help: 'x', default: true, file: KCONFIG, object: 'mm/frob-core.o' } })).toEqual({ makefile: 'mm/Makefile', line: 'obj-$(CONFIG_FROB_SYSCALLS) += frob-core.o' });
    expect(renderObjectLine({ name: 'frob' })).toBeUndefined();
  });
});
