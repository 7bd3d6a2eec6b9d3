/**
 * The man pages pass the two linters man-pages itself uses: `mandoc -Tlint`
 * (warnings and above; its STYLE notes about lower-case titles are the
 * man-pages convention) and `groff -man -ww -z`.  A page with a fault the
 * linters know is shown to draw a warning, so the check can fail.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKernelTree, treeFileReader } from '../../src/kernel/tree-loader.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { nextRelease, renderManPages, roffText } from '../../src/posting/man-page.js';
import { renderManText } from '../../src/tools/man-renderer.js';
import { REPO_ROOT, TREE_73, requireTree } from '../support/kernel-trees.js';

const DATE = 'Thu, 4 Jun 2026 10:00:00 -0400';

function pagesFor(defsPath: string) {
  const tree = loadKernelTree(requireTree(TREE_73));
  const file = join(REPO_ROOT, defsPath);
  const loaded = loadDefinitions(file, readFileSync(file, 'utf8'));
  return renderManPages(loaded.defs, planWireUp(tree, loaded, treeFileReader(tree.root)).calls, tree.era.version, DATE);
}

function lint(page: string): string {
  const mandoc = spawnSync('mandoc', ['-Tlint', '-W', 'warning', '-man'], { input: page, encoding: 'utf8' });
  const groff = spawnSync('groff', ['-man', '-ww', '-z'], { input: page, encoding: 'utf8' });
  expect(mandoc.error ?? groff.error).toBeUndefined();
  return `${mandoc.stdout}${mandoc.stderr}${groff.stdout}${groff.stderr}`;
}

describe('man pages', () => {
  it.each(['defs/sframe.yaml', 'test/fixtures/xattrat.yaml', 'test/fixtures/compat-call.yaml'])('%s: every page passes mandoc -Tlint and groff -ww', (defs) => {
    const pages = pagesFor(defs);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(lint(page.text), page.path).toBe('');
  });

  it('a page with faults draws warnings from both linters', () => {
    const broken = pagesFor('defs/sframe.yaml')[0]!.text.replace(/^\.TH .*$/m, '.TH sframe_register 2 "not a date" x').replace('.SH ERRORS\n', '.SH ERRORS\n.ZZ\n');
    const text = lint(broken);
    expect(text).toMatch(/mandoc: .*WARNING: cannot parse date/);
    expect(text).toMatch(/warning: macro 'ZZ' not defined/);
  });

  it('has the sections man-pages asks for, in order, and renders for the cover letter', () => {
    const [page] = pagesFor('defs/sframe.yaml');
    expect(page!.path).toBe('man2/sframe_register.2');
    const sections = [...page!.text.matchAll(/^\.SH (.*)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['NAME', 'LIBRARY', 'SYNOPSIS', 'DESCRIPTION', 'RETURN VALUE', 'ERRORS', 'STANDARDS', 'HISTORY', 'SEE ALSO']);
    expect(page!.text).toContain('\n.TH sframe_register 2 2026-06-04 "Linux man-pages (unreleased)"\n');
    expect(page!.text).toContain('\n.BI "long syscall(SYS_sframe_register, struct sframe_setup *" data ", size_t " size );\n');
    expect(page!.text).toContain('\n.SH HISTORY\nLinux 7.4.\n');
    const errors = page!.text.slice(page!.text.indexOf('.SH ERRORS'), page!.text.indexOf('.SH STANDARDS'));
    expect([...errors.matchAll(/^\.B (E\w+)$/gm)].map((m) => m[1])).toEqual(['E2BIG', 'EFAULT', 'EINVAL', 'EINVAL']);
    const text = renderManText(page!.text, page!.path);
    expect(text).not.toMatch(/\x08/);
    expect(text).toMatch(/^ {7}long syscall\(SYS_sframe_register, struct sframe_setup \*data, size_t size\);$/m);
    expect(text).toMatch(/^ {7}EFAULT data points outside the accessible address space\.$/m);
  });

  it('escapes roff and names the next release', () => {
    expect(roffText('.start and a \\ backslash')).toBe('\\&.start and a \\e backslash');
    expect(nextRelease('7.3')).toBe('7.4');
    expect(nextRelease('6.12')).toBe('6.13');
    expect(nextRelease(undefined)).toBe('(unreleased)');
  });
});
