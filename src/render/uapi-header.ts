/**
 * Render uapi structs: a kernel-doc comment, the struct with fixed-width
 * types, `<NAME>_SIZE_VER<n>` for size-extensible structs and the flag
 * constants; and a new header around them (SPDX syscall-note line, include
 * guard, <linux/types.h>).
 */
import type { StructDef } from '../model/defs-schema.js';
import { versionSizes } from '../model/struct-layout.js';
import { renderTemplate } from './engine.js';
import { upper } from './helpers.js';

export function renderStruct(struct: StructDef): string {
  const view = {
    ...struct,
    fields: struct.fields.map((f) => ({ ...f, count: f.count ?? 0 })),
    sizes: struct.extensible ? versionSizes(struct) : [],
    flags: struct.flags.map((f) => ({ ...f, one: f.bit >= 32 ? '1ULL' : '1U' })),
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
