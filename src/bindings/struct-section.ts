/**
 * The struct part of generated bindings, for each uapi struct:
 *
 * - an interface for its value (64-bit fields are `bigint`, reserved and
 *   padding fields are left out: they are always zero);
 * - `<NAME>_SIZE_VER<n>` (as in the uapi header) and its flag constants;
 * - `<NAME>_LAYOUT`: size, alignment and field offsets in every layout class;
 * - `encode<Name>(value, abi)` and `decode<Name>(bytes, abi)`.
 */
import { StructureKind, type StatementStructures } from 'ts-morph';
import type { Defs, FieldDef, StructDef, UapiType } from '../model/defs-schema.js';
import { TYPE_SIZE, versionSizes } from '../model/struct-layout.js';
import { upper } from '../render/helpers.js';
import { LAYOUT_CLASS_NAMES, layoutClass, layoutInClass } from './abi-layout.js';
import { returnCall } from './call-writer.js';
import { constant } from './literal-writer.js';

/** Fields that only hold space: `__reserved`, `pad`, `__pad2`, `spare`, `unused`... */
const RESERVED = /^_*(reserved|pad|padding|spare|unused)\d*$/;

export function isReservedField(field: FieldDef): boolean {
  return RESERVED.test(field.name);
}

/** `sframe_setup` -> `SframeSetup`. */
export function pascalCase(name: string): string {
  return name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function kind(type: UapiType): string {
  return type.replace(/^__(aligned_)?/, '');
}

function isWide(type: UapiType): boolean {
  return TYPE_SIZE[type] === 8;
}

/** The struct field a flag applies to: the syscall's `flags_field`, else a field called `flags`. */
function flagField(defs: Defs, struct: StructDef): FieldDef | undefined {
  const named = defs.syscalls.map((s) => s.extensible?.flags_field).find((f) => f !== undefined && struct.fields.some((x) => x.name === f));
  return struct.fields.find((f) => f.name === (named ?? 'flags'));
}

export function buildStructSection(defs: Defs, struct: StructDef): StatementStructures[] {
  const type = pascalCase(struct.name);
  const spec = `${upper(struct.name)}_LAYOUT`;
  const layouts = Object.fromEntries(
    LAYOUT_CLASS_NAMES.map((name) => {
      const l = layoutInClass(struct.fields, layoutClass(name));
      return [name, { size: l.size, align: l.align, offsets: l.fields.map((f) => f.offset) }];
    }),
  );
  const wideFlags = flagField(defs, struct);
  const out: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: type,
      docs: [`struct ${struct.name}: ${struct.doc}.`],
      properties: struct.fields.filter((f) => !isReservedField(f)).map((f) => {
        const scalar = isWide(f.type) ? 'bigint' : 'number';
        return { name: f.name, isReadonly: true, type: f.count ? `readonly ${scalar}[]` : scalar, docs: [`${f.type}${f.count ? `[${f.count}]` : ''}: ${f.doc}`] };
      }),
    },
    constant(spec, 'StructSpec', {
      name: struct.name,
      extensible: struct.extensible,
      fields: struct.fields.map((f) => ({ name: f.name, kind: kind(f.type), count: f.count ?? 0, reserved: isReservedField(f) })),
      layouts,
    }, [`Layout of struct ${struct.name} in every layout class.`]),
  ];
  if (struct.extensible) {
    versionSizes(struct).forEach((size, n) => out.push(constant(`${upper(struct.name)}_SIZE_VER${n}`, undefined, size, [`Size of version ${n} of struct ${struct.name}.`])));
  }
  // One type for the whole flag set: bigint when the flags field is 64-bit or any bit is past 30.
  const big = struct.flags.some((f) => f.bit >= 31) || (wideFlags !== undefined && isWide(wideFlags.type));
  for (const flag of struct.flags) {
    out.push(constant(flag.name, undefined, big ? 1n << BigInt(flag.bit) : 2 ** flag.bit, [`${flag.doc}.`]));
  }
  out.push(
    {
      kind: StructureKind.Function,
      isExported: true,
      name: `encode${type}`,
      docs: [`Encode a struct ${struct.name} for an ABI; padding and reserved bytes are zero.`],
      parameters: [{ name: 'value', type }, { name: 'abi', type: 'AbiSelector', initializer: 'detectAbi()' }],
      returnType: 'Uint8Array',
      statements: [returnCall('encodeStruct', [{ id: spec }, { id: 'value' }, { id: 'abi' }])],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: `decode${type}`,
      docs: [`Decode a struct ${struct.name} written for an ABI.`],
      parameters: [{ name: 'bytes', type: 'Uint8Array' }, { name: 'abi', type: 'AbiSelector', initializer: 'detectAbi()' }],
      returnType: type,
      statements: [returnCall('decodeStruct', [{ id: spec }, { id: 'bytes' }, { id: 'abi' }], [type])],
    },
  );
  return out;
}
