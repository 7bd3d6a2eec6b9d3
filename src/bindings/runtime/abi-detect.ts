/**
 * Run-time part of the generated bindings: which ABI this process uses.
 *
 * This file is real TypeScript, checked by `tsc -p .`; the bindings builder
 * copies its statements into every generated module, leaving out the
 * `declare`d placeholders, which the generated module defines from the
 * ABI catalog.  `process.arch` plus the byte order pick the rules; x32 and
 * mips n32 share their arch with a 64-bit ABI and are told apart by the ELF
 * header of /proc/self/exe (EI_CLASS, and EF_MIPS_ABI2 in e_flags).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';

declare type Abi = string;
declare type LayoutClass = string;
declare const ABI_RULES: readonly AbiRule[];

/** One way an ABI shows itself at run time. */
export interface AbiRule {
  readonly abi: Abi;
  readonly layout: LayoutClass;
  readonly arch: readonly string[];
  readonly littleEndian: boolean;
  /** ELF class of the running binary: 1 = ELFCLASS32, 2 = ELFCLASS64. */
  readonly elfClass?: 1 | 2;
  /** Bits that must be set in the ELF header's e_flags. */
  readonly elfFlags?: number;
}

/** The ABI of the running process and the struct layout class it uses. */
export interface DetectedAbi {
  readonly abi: Abi;
  readonly layout: LayoutClass;
}

let detectedAbi: DetectedAbi | undefined;

/** Detect the running process's syscall ABI (cached). */
export function detectAbi(): DetectedAbi {
  if (detectedAbi) return detectedAbi;
  const littleEndian = endianness() === 'LE';
  let elf: { elfClass: number; flags: number } | undefined;
  for (const rule of ABI_RULES) {
    if (!rule.arch.includes(process.arch) || rule.littleEndian !== littleEndian) continue;
    if (rule.elfClass !== undefined || rule.elfFlags !== undefined) {
      elf ??= readElfHeader('/proc/self/exe');
      if (rule.elfClass !== undefined && elf.elfClass !== rule.elfClass) continue;
      if (rule.elfFlags !== undefined && (elf.flags & rule.elfFlags) !== rule.elfFlags) continue;
    }
    detectedAbi = { abi: rule.abi, layout: rule.layout };
    return detectedAbi;
  }
  throw new Error(`no known syscall ABI for process.arch '${process.arch}' (${littleEndian ? 'little' : 'big'}-endian)`);
}

/** EI_CLASS and e_flags of an ELF file (e_flags is at 36 in ELF32, 48 in ELF64). */
function readElfHeader(path: string): { elfClass: number; flags: number } {
  const header = new Uint8Array(64);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header[0] !== 0x7f || header[1] !== 0x45 || header[2] !== 0x4c || header[3] !== 0x46) throw new Error(`${path}: not an ELF file`);
  const elfClass = header[4] ?? 0;
  const view = new DataView(header.buffer);
  return { elfClass, flags: view.getUint32(elfClass === 2 ? 48 : 36, header[5] === 1) };
}
