// The config fragment `prove` adds to tinyconfig, and the check that
// every option survived olddefconfig.
import { describe, expect, it } from 'vitest';
import { ARCH_PROFILES, findArchProfile } from '../../src/prove/arch-profiles.js';
import { configArgs, configFragment, droppedOptions, readConfig } from '../../src/prove/kernel-config.js';

const x86 = findArchProfile('x86_64')!;
const arm64 = findArchProfile('arm64')!;

describe('configFragment', () => {
  it.each([
    ['x86_64', ['64BIT', 'PRINTK', 'TTY', 'BLK_DEV_INITRD', 'BINFMT_ELF', 'SERIAL_8250', 'SERIAL_8250_CONSOLE', 'IA32_EMULATION', 'X86_X32_ABI']],
    ['arm64', ['PRINTK', 'TTY', 'BLK_DEV_INITRD', 'BINFMT_ELF', 'SERIAL_AMBA_PL011', 'SERIAL_AMBA_PL011_CONSOLE', 'COMPAT']],
  ])('%s enables the console, the initramfs, ELF and its compat ABIs', (arch, options) => {
    const lines = configFragment(findArchProfile(arch)!).trimEnd().split('\n');
    for (const o of options) expect(lines).toContain(`CONFIG_${o}=y`);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('gives every option a reason', () => {
    for (const p of ARCH_PROFILES) for (const c of p.config) expect(c.why.length, `${p.name} ${c.option}`).toBeGreaterThan(10);
  });

  it("passes each option to scripts/config --enable, after the .config's --file", () => {
    expect(configArgs(arm64, 'b/.config').slice(0, 4)).toEqual(['--file', 'b/.config', '--enable', 'PRINTK']);
    expect(configArgs(arm64, 'b/.config').filter((a) => a === '--enable')).toHaveLength(arm64.config.length);
  });
});

describe('droppedOptions', () => {
  const all = x86.config.map((c) => `CONFIG_${c.option}=y`);

  it('is empty when every option is =y', () => {
    expect(droppedOptions(x86, `${all.join('\n')}\nCONFIG_CC_VERSION_TEXT="gcc"\n`)).toEqual([]);
  });

  it('names an option olddefconfig turned off or made a module, with why it was wanted', () => {
    const text = all.map((l) => (l === 'CONFIG_X86_X32_ABI=y' ? '# CONFIG_X86_X32_ABI is not set' : l === 'CONFIG_TTY=y' ? 'CONFIG_TTY=m' : l)).join('\n');
    expect(droppedOptions(x86, text)).toEqual([
      { option: 'TTY', why: 'a console at all' },
      { option: 'X86_X32_ABI', why: 'the x32 ABI (-mx32)' },
    ]);
  });

  it('reads values as .config writes them', () => {
    expect([...readConfig('CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C="x y"\nCONFIG_D=0x10\n')]).toEqual([
      ['A', 'y'],
      ['C', '"x y"'],
      ['D', '0x10'],
    ]);
  });
});
