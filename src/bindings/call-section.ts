/**
 * The call layer of generated bindings: one function per syscall, taking
 * the C arguments in order (integers as number/bigint, pointers as a
 * Uint8Array or null) and calling libc's syscall(2) through koffi with this
 * ABI's number.  See runtime/syscall-call.ts for errors and provisional
 * numbers.
 */
import { StructureKind, type StatementStructures } from 'ts-morph';
import type { SyscallDef } from '../model/defs-schema.js';
import { returnCall } from './call-writer.js';

/** Words a C argument may be called that TypeScript does not allow as parameter names. */
const RESERVED_WORDS = new Set(['new', 'delete', 'default', 'function', 'var', 'in', 'class', 'this', 'enum', 'switch', 'case', 'with', 'export', 'import', 'package', 'interface']);

/** `struct sframe_setup __user *data` -> `data`; `size_t size` -> `size`. */
export function argumentName(declaration: string, index: number): string {
  const name = /([A-Za-z_][A-Za-z0-9_]*)\s*(\[[^\]]*\])?\s*$/.exec(declaration)?.[1] ?? `arg${index}`;
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/** `sframe_register` -> `sframeRegister`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function buildCallSection(syscalls: readonly SyscallDef[]): StatementStructures[] {
  return syscalls.map((s): StatementStructures => {
    const names = s.args.map(argumentName);
    return {
      kind: StructureKind.Function,
      isExported: true,
      name: camelCase(s.name),
      docs: [`${s.name}(${s.args.join(', ')})${s.doc ? `: ${s.doc}` : ''}\n\nReturns the syscall's result; throws a SyscallError carrying errno on failure.`],
      parameters: names.map((name) => ({ name, type: 'SyscallArg' })),
      returnType: 'bigint',
      statements: [returnCall('callSyscall', [{ str: s.name }, { prop: ['SYSCALLS', s.name] }, { array: names.map((id) => ({ id })) }])],
    };
  });
}
