/**
 * Plain data (numbers, bigints, strings, arrays, objects) as a TypeScript
 * literal, for the constants of generated bindings, so the builders never
 * paste code together from strings.  Keys that are not identifiers are
 * quoted.  Line breaks are chosen here (the formatter keeps them as they
 * are): a small object of scalars stays on one line, arrays of scalars
 * too, anything else gets one entry per line with a trailing comma.
 * Indentation is left to the formatting pass (bindings-builder.ts).
 */
import { StructureKind, VariableDeclarationKind, type CodeBlockWriter, type VariableStatementStructure, type WriterFunction } from 'ts-morph';

export type LiteralValue = number | bigint | string | boolean | null | readonly LiteralValue[] | { readonly [key: string]: LiteralValue | undefined };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Objects of at most this many scalar (or scalar array) entries are printed on one line. */
const INLINE_ENTRIES = 6;

export function literal(value: LiteralValue): WriterFunction {
  return (writer) => writeLiteral(writer, value);
}

/** `export const NAME: TYPE = <literal>;` with its JSDoc. */
export function constant(name: string, type: string | undefined, value: LiteralValue, docs: string[]): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs,
    declarations: [{ name, ...(type ? { type } : {}), initializer: literal(value) }],
  };
}

function writeLiteral(w: CodeBlockWriter, value: LiteralValue): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') {
    w.write(String(value));
  } else if (typeof value === 'bigint') {
    w.write(`${value}n`);
  } else if (typeof value === 'string') {
    w.quote(value);
  } else if (Array.isArray(value)) {
    writeArray(w, value as readonly LiteralValue[]);
  } else {
    writeObject(w, Object.entries(value as Record<string, LiteralValue | undefined>).filter((e): e is [string, LiteralValue] => e[1] !== undefined));
  }
}

function writeArray(w: CodeBlockWriter, items: readonly LiteralValue[]): void {
  if (isFlat(items)) {
    w.write('[');
    items.forEach((item, i) => {
      if (i > 0) w.write(', ');
      writeLiteral(w, item);
    });
    w.write(']');
    return;
  }
  w.write('[').newLine();
  for (const item of items) {
    writeLiteral(w, item);
    w.write(',').newLine();
  }
  w.write(']');
}

function writeObject(w: CodeBlockWriter, entries: [string, LiteralValue][]): void {
  if (entries.length === 0) {
    w.write('{}');
    return;
  }
  if (entries.length <= INLINE_ENTRIES && entries.every(([, v]) => isFlat(v))) {
    w.write('{ ');
    entries.forEach(([key, item], i) => {
      if (i > 0) w.write(', ');
      writeKey(w, key);
      writeLiteral(w, item);
    });
    w.write(' }');
    return;
  }
  w.write('{').newLine();
  for (const [key, item] of entries) {
    writeKey(w, key);
    writeLiteral(w, item);
    w.write(',').newLine();
  }
  w.write('}');
}

function isFlat(value: LiteralValue): boolean {
  return Array.isArray(value) ? (value as readonly LiteralValue[]).every((v) => v === null || typeof v !== 'object') : value === null || typeof value !== 'object';
}

function writeKey(w: CodeBlockWriter, key: string): void {
  if (IDENTIFIER.test(key)) w.write(key);
  else w.quote(key);
  w.write(': ');
}
