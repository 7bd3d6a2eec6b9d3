/**
 * `syswire series` writes a posting: a thread with pinned ids, To/Cc from
 * the tree's get_maintainer.pl on every mail, the selftest patch, and the
 * whole thread as one mbox.  Real 7.3 tree (it has MAINTAINERS); a scratch
 * 6.12 tree without MAINTAINERS for the warning and the definition's own
 * addresses.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured, useTempDirs } from '../support/cli-run.js';
import { REPO_ROOT, TREE_612, TREE_73, requireTree, scratchTree } from '../support/kernel-trees.js';

const { tmp, defer } = useTempDirs('syswire-posting-');
const header = (mail: string, name: string) => new RegExp(`^${name}: (.*(?:\\n {4}.*)*)$`, 'm').exec(mail.slice(0, mail.indexOf('\n\n')))?.[1]?.split(/,\n {4}/) ?? [];

describe('syswire series: the posting', () => {
  it('threads every mail to the cover letter with pinned ids and gives each its recipients (7.3)', async () => {
    const out = tmp();
    const res = await runCaptured('series', 'defs/sframe.yaml', '--tree', requireTree(TREE_73), '--out', out, '--mbox');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    const names = readdirSync(out).sort();
    // defs/sframe.yaml asks for the split of adding-syscalls.rst: core, x86, the other arches, the selftest.
    expect(names.filter((n) => n.endsWith('.patch'))).toEqual([
      'v3-0000-cover-letter.patch',
      'v3-0001-unwind-Add-sframe_-un-register-system-calls.patch',
      'v3-0002-x86-Wire-up-the-sframe-system-calls.patch',
      'v3-0003-arch-Wire-up-the-sframe-system-calls.patch',
      'v3-0004-selftests-sframe-Add-tests-for-the-new-system-cal.patch',
    ]);
    const [cover, core, x86, arch, selftest] = names.filter((n) => n.endsWith('.patch')).map((n) => readFileSync(join(out, n), 'utf8'));
    const id = (n: number) => new RegExp(`^<20260604-sframe-v3-${n}-[0-9a-f]{12}@goodmis\\.org>$`);
    expect(header(cover!, 'Message-Id')[0]).toMatch(id(0));
    for (const [n, mail] of [core!, x86!, arch!, selftest!].entries()) {
      expect(header(mail, 'Message-Id')[0]).toMatch(id(n + 1));
      expect(header(mail, 'In-Reply-To')).toEqual(header(cover!, 'Message-Id'));
      expect(header(mail, 'References')).toEqual(header(cover!, 'Message-Id'));
    }
    expect(header(selftest!, 'To')).toEqual(['Shuah Khan <shuah@kernel.org>']);
    expect(header(selftest!, 'Cc')).toEqual(['linux-kernel@vger.kernel.org', 'linux-kselftest@vger.kernel.org', 'linux-api@vger.kernel.org']);
    // get_maintainer.pl's answer for each patch: asm-generic for the core, x86's maintainers, the arch maintainers.
    expect(header(core!, 'To')).toEqual(['Arnd Bergmann <arnd@arndb.de>']);
    expect(header(x86!, 'To')).toEqual(expect.arrayContaining(['Thomas Gleixner <tglx@kernel.org>', 'x86@kernel.org']));
    expect(header(x86!, 'To')).not.toContain('Arnd Bergmann <arnd@arndb.de>');
    expect(header(arch!, 'To')).toEqual(expect.arrayContaining(['Catalin Marinas <catalin.marinas@arm.com>', 'Helge Deller <deller@gmx.de>']));
    expect(header(arch!, 'To')).not.toContain('x86@kernel.org');
    for (const mail of [core!, x86!, arch!]) expect(header(mail, 'Cc')).toContain('linux-api@vger.kernel.org');
    expect(header(core!, 'Cc')).toContain('linux-arch@vger.kernel.org');
    expect(header(arch!, 'Cc')).toEqual(expect.arrayContaining(['linux-arm-kernel@lists.infradead.org', 'linux-s390@vger.kernel.org']));
    for (const mail of [core!, x86!, arch!]) expect(header(mail, 'Cc')).not.toContain('linux-man@vger.kernel.org');
    expect(core!.slice(0, core!.indexOf('\n\n'))).not.toMatch(/maintainer:|reviewer:|open list/);
    // The cover letter goes to every patch's recipients, and to linux-man for the man pages.
    expect(header(cover!, 'To')).toEqual([...new Set([core!, x86!, arch!, selftest!].flatMap((m) => header(m, 'To')))]);
    expect(header(cover!, 'Cc')).toEqual(expect.arrayContaining([...header(core!, 'Cc'), ...header(arch!, 'Cc'), 'linux-kselftest@vger.kernel.org', 'linux-man@vger.kernel.org']));
    expect(readFileSync(join(out, 'sframe-v3.mbox'), 'utf8')).toBe(`${cover}${core}${x86}${arch}${selftest}`);
    // The man pages: under --out, and rendered in the cover letter.
    expect(readdirSync(join(out, 'man2')).sort()).toEqual(['sframe_register.2', 'sframe_unregister.2']);
    expect(readFileSync(join(out, 'man2/sframe_register.2'), 'utf8')).toMatch(/^\.TH sframe_register 2 2026-06-04 "Linux man-pages \(unreleased\)"$/m);
    expect(cover).toMatch(/^sframe_register\(2\) +System Calls Manual +sframe_register\(2\)$/m);
    expect(cover).toMatch(/^ {7}long syscall\(SYS_sframe_unregister, struct sframe_setup \*data, size_t size\);$/m);

    const again = await runCaptured('series', 'defs/sframe.yaml', '--tree', TREE_73, '--out', out, '--mbox', '--check');
    expect(again.code, again.err).toBe(0);
  }, 120_000);

  it('warns about a tree without MAINTAINERS, takes --date, and adds and drops the definition addresses', async () => {
    const tree = scratchTree(TREE_612);
    defer(tree.cleanup);
    const dir = tmp();
    const defs = readFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), 'utf8').replace('series:\n', 'series:\n  to: ["Me <me@example.org>"]\n  cc: ["list@example.org", "-linux-api@vger.kernel.org"]\n');
    writeFileSync(join(dir, 'sframe.yaml'), defs);
    const res = await runCaptured('series', join(dir, 'sframe.yaml'), '--tree', tree.root, '--out', join(dir, 'out'), '--date', 'Mon, 1 Jun 2026 09:00:00 +0000');
    expect(res.code).toBe(0);
    expect(res.err).toBe(`${tree.root}: warning: no scripts/get_maintainer.pl or MAINTAINERS in the tree; the mails get only linux-api and the definition's to:/cc:\n`);
    const first = readFileSync(join(dir, 'out', 'v3-0001-unwind-Add-sframe_-un-register-system-calls.patch'), 'utf8');
    expect(header(first, 'Date')).toEqual(['Mon, 1 Jun 2026 09:00:00 +0000']);
    expect(header(first, 'Message-Id')[0]).toMatch(/^<20260601-sframe-v3-1-/);
    expect(header(first, 'To')).toEqual(['Me <me@example.org>']);
    expect(header(first, 'Cc')).toEqual(['list@example.org']);
  }, 60_000);
});
