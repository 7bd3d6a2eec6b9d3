/**
 * What `syswire prove` needs to know per kernel arch: how to build a
 * minimal kernel for it, how QEMU boots it, and which user ABIs run on it
 * (the native one first: /init is built with it).
 *
 * Kernel options are added to `tinyconfig`, which has no console, no
 * initramfs and no ELF loader.  Each option is named with why it is there;
 * kernel-config.ts checks after `olddefconfig` that every one survived (an
 * option whose dependencies fail, X86_X32_ABI without an x32-capable
 * binutils for one, is a located error, not a silent skip of that ABI).
 *
 * ABI names are the bindings' (src/bindings/abi-catalog.ts), so the
 * numbers the generated bindings give an ABI can be looked up by it.
 */

/** A user ABI a test program is built for. */
export interface UserAbiProfile {
  /** The bindings' ABI name. */
  abi: string;
  /** C compiler and the flags that select the ABI. */
  cc: string;
  ccFlags: readonly string[];
  /** The kernel ARCH whose headers_install this ABI's programs compile against. */
  headersArch: string;
  /** What to tell the user when `cc -static <flags>` cannot build a program. */
  packages: readonly string[];
}

export interface ArchProfile {
  /** `--arch` name and make's ARCH. */
  name: string;
  crossCompile: string;
  /** The image make builds, relative to the build directory. */
  image: string;
  imageTarget: string;
  /** `scripts/config --enable` on top of tinyconfig. */
  config: readonly { option: string; why: string }[];
  qemu: string;
  /** The Debian package holding `qemu`. */
  qemuPackage: string;
  qemuArgs: readonly string[];
  cmdline: string;
  /** Tools the kernel build needs beyond make and the host gcc, with their Debian packages. */
  buildTools: readonly { tool: string; pkg: string }[];
  /** Host headers the kernel's build tools need (objtool's libelf), with their Debian packages. */
  buildHeaders: readonly { header: string; pkg: string }[];
  abis: readonly UserAbiProfile[];
}

/** Options every arch needs to boot an initramfs on a serial console and run static ELF programs. */
const COMMON_CONFIG = [
  { option: 'PRINTK', why: 'kernel messages on the console (panics, the reason a boot failed)' },
  { option: 'TTY', why: 'a console at all' },
  { option: 'BLK_DEV_INITRD', why: 'the initramfs holding /init and the tests' },
  { option: 'BINFMT_ELF', why: 'running static ELF programs' },
  { option: 'MULTIUSER', why: 'uid calls the C library and the harness may make' },
  { option: 'POSIX_TIMERS', why: 'alarm() and timers in test programs' },
  { option: 'FUTEX', why: "the C library's locks" },
] as const;

/** What Kbuild runs besides make and the compiler: Kconfig's parser generators, bc for timeconst, xz for the tinyconfig image. */
const KBUILD_TOOLS = [
  { tool: 'flex', pkg: 'flex' },
  { tool: 'bison', pkg: 'bison' },
  { tool: 'bc', pkg: 'bc' },
  { tool: 'xz', pkg: 'xz-utils' },
];

const MULTILIB = 'gcc-12-multilib';

export const ARCH_PROFILES: readonly ArchProfile[] = [
  {
    name: 'x86_64',
    crossCompile: '',
    image: 'arch/x86/boot/bzImage',
    imageTarget: 'bzImage',
    config: [
      { option: '64BIT', why: 'an x86_64 kernel (tinyconfig may pick i386)' },
      ...COMMON_CONFIG,
      { option: 'SERIAL_8250', why: 'the PC serial port QEMU connects to the console log' },
      { option: 'SERIAL_8250_CONSOLE', why: 'console=ttyS0' },
      { option: 'IA32_EMULATION', why: 'the i386 ABI (-m32)' },
      { option: 'X86_X32_ABI', why: 'the x32 ABI (-mx32)' },
    ],
    qemu: 'qemu-system-x86_64',
    qemuPackage: 'qemu-system-x86',
    qemuArgs: ['-M', 'pc', '-m', '256M'],
    // reboot=t: a triple fault resets without ACPI; -no-reboot turns the reset into QEMU's exit.
    cmdline: 'console=ttyS0 quiet panic=-1 reboot=t',
    buildTools: KBUILD_TOOLS,
    buildHeaders: [{ header: '/usr/include/gelf.h', pkg: 'libelf-dev' }],
    abis: [
      { abi: 'x86_64', cc: 'gcc', ccFlags: ['-m64'], headersArch: 'x86_64', packages: ['gcc'] },
      { abi: 'i386', cc: 'gcc', ccFlags: ['-m32'], headersArch: 'x86_64', packages: [MULTILIB] },
      { abi: 'x32', cc: 'gcc', ccFlags: ['-mx32'], headersArch: 'x86_64', packages: [MULTILIB, 'libc6-dev-x32'] },
    ],
  },
  {
    name: 'arm64',
    crossCompile: 'aarch64-linux-gnu-',
    image: 'arch/arm64/boot/Image',
    imageTarget: 'Image',
    config: [
      ...COMMON_CONFIG,
      { option: 'SERIAL_AMBA_PL011', why: "the virt machine's PL011 UART" },
      { option: 'SERIAL_AMBA_PL011_CONSOLE', why: 'console=ttyAMA0' },
      { option: 'COMPAT', why: 'the 32-bit arm ABI (AArch32 EL0)' },
    ],
    qemu: 'qemu-system-aarch64',
    qemuPackage: 'qemu-system-arm',
    // cortex-a57 implements AArch32 at EL0, which COMPAT needs.
    qemuArgs: ['-M', 'virt', '-cpu', 'cortex-a57', '-m', '256M'],
    cmdline: 'console=ttyAMA0 quiet panic=-1',
    buildTools: [{ tool: 'aarch64-linux-gnu-gcc', pkg: 'gcc-aarch64-linux-gnu' }, ...KBUILD_TOOLS],
    buildHeaders: [],
    abis: [
      { abi: 'arm64', cc: 'aarch64-linux-gnu-gcc', ccFlags: [], headersArch: 'arm64', packages: ['gcc-aarch64-linux-gnu'] },
      { abi: 'arm', cc: 'arm-linux-gnueabi-gcc', ccFlags: [], headersArch: 'arm', packages: ['gcc-arm-linux-gnueabi', 'libc6-dev-armel-cross'] },
    ],
  },
];

export function findArchProfile(name: string): ArchProfile | undefined {
  return ARCH_PROFILES.find((p) => p.name === name);
}

