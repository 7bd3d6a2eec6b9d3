/**
 * Render uapi structs: a kernel-doc comment, the struct with fixed-width
 * types, `<NAME>_SIZE_VER<n>` for size-extensible structs and the flag
 * constants; and a new header around them (SPDX syscall-note line, include
 * guard, <linux/types.h>).
 */
import type { StructDef } from '../model/defs-schema.js';
import { TYPE_SIZE, versionSizes } from '../model/struct-layout.js';
import { renderTemplate } from './engine.js';
import { upper } from './helpers.js';

/**
 * A 64-bit flags field takes `(1ULL << n)` for every flag (the style of
 * 7.3's uapi sched.h for clone3 flags), so `~FLAG` and masks keep 64 bits.
 */
function wideFlags(struct: StructDef): boolean {
  const field = struct.fields.find((f) => f.name === 'flags');
  return field !== undefined && TYPE_SIZE[field.type] === 8;
}

export function renderStruct(struct: StructDef): string {
  const view = {
    ...struct,
    fields: struct.fields.map((f) => ({ ...f, count: f.count ?? 0 })),
    sizes: struct.extensible ? versionSizes(struct) : [],
    flags: struct.flags.map((f) => ({ ...f, one: f.bit >= 32 || wideFlags(struct) ? '1ULL' : '1U' })),
  };
  return renderTemplate('uapi-struct.h.hbs', view).replace(/\n$/, '');
}

/** `include/uapi/linux/sframe.h` -> `_UAPI_LINUX_SFRAME_H`. */
export function includeGuard(header: string): string {
  return `_UAPI_${upper(header.replace(/^include\/uapi\//, ''))}`;
}

export function renderUapiHeader(header: string, structs: readonly StructDef[]): string {
  return renderTemplate('uapi-header.h.hbs', {
    guard: includeGuard(header),
    structs: structs.map((s) => ({ body: renderStruct(s) })),
  });
}
