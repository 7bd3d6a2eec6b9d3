/**
 * Small writers for ts-morph structures, so the builders never paste code
 * together from strings:
 *
 * - `literal(value)` prints plain data (numbers, bigints, strings, arrays,
 *   objects) as a TypeScript literal; keys that are not identifiers are
 *   quoted; small flat objects stay on one line; `constantStatement` writes
 *   an exported constant holding one;
 * - `returnCall(callee, args, typeArgs)` prints `return callee<T>(args);`
 *   from a TypeScript factory node, with arguments given as small
 *   expression trees (identifier, string, property access, array).
 */
import { ts, type CodeBlockWriter, type WriterFunction } from 'ts-morph';

export type LiteralValue = number | bigint | string | boolean | null | readonly LiteralValue[] | { readonly [key: string]: LiteralValue | undefined };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function literal(value: LiteralValue): WriterFunction {
  return (writer) => writeLiteral(writer, value);
}

/**
 * `export const NAME: TYPE = <literal>;` after its JSDoc, laid out as the
 * TypeScript formatter lays it out.  A ts-morph variable structure would
 * hang-indent a multi-line initializer (every line after the first one
 * level deeper), which only a formatting pass (~170 ms) would undo.
 */
export function constantStatement(name: string, type: string | undefined, value: LiteralValue, docs: readonly string[]): WriterFunction {
  return (w) => {
    for (const doc of docs) writeJsDoc(w, doc);
    w.write(`export const ${name}${type ? `: ${type}` : ''} = `);
    writeLiteral(w, value);
    w.write(';');
  };
}

/** `/** text *\/` on one line, or one ` * ` line per line of text, as ts-morph prints docs. */
function writeJsDoc(w: CodeBlockWriter, doc: string): void {
  const lines = doc.split('\n');
  if (lines.length === 1) {
    w.writeLine(`/** ${doc} */`);
    return;
  }
  w.writeLine('/**');
  for (const line of lines) w.writeLine(line === '' ? ' *' : ` * ${line}`);
  w.writeLine(' */');
}

function writeLiteral(w: CodeBlockWriter, value: LiteralValue): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') {
    w.write(String(value));
  } else if (typeof value === 'bigint') {
    w.write(`${value}n`);
  } else if (typeof value === 'string') {
    w.quote(value);
  } else if (Array.isArray(value)) {
    const items = value as readonly LiteralValue[];
    if (!isFlat(value)) {
      w.write('[').newLine();
      w.indent(() => items.forEach((item) => {
        writeLiteral(w, item);
        w.write(',').newLine();
      }));
      w.write(']');
      return;
    }
    w.write('[');
    items.forEach((item, i) => {
      if (i > 0) w.write(', ');
      writeLiteral(w, item);
    });
    w.write(']');
  } else {
    const entries = Object.entries(value as Record<string, LiteralValue | undefined>).filter((e): e is [string, LiteralValue] => e[1] !== undefined);
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
    w.inlineBlock(() => {
      for (const [key, item] of entries) {
        writeKey(w, key);
        writeLiteral(w, item);
        w.write(',').newLine();
      }
    });
  }
}

/** Objects of at most this many scalar (or scalar array) entries are printed on one line. */
const INLINE_ENTRIES = 6;

function isFlat(value: LiteralValue): boolean {
  return Array.isArray(value) ? (value as readonly LiteralValue[]).every((v) => v === null || typeof v !== 'object') : value === null || typeof value !== 'object';
}

function writeKey(w: CodeBlockWriter, key: string): void {
  if (IDENTIFIER.test(key)) w.write(key);
  else w.quote(key);
  w.write(': ');
}

/** An expression tree for call arguments. */
export type Expr = { id: string } | { str: string } | { prop: [string, string] } | { array: Expr[] };

function expression(e: Expr): ts.Expression {
  const f = ts.factory;
  if ('id' in e) return f.createIdentifier(e.id);
  if ('str' in e) return f.createStringLiteral(e.str, true);
  if ('prop' in e) return f.createPropertyAccessExpression(f.createIdentifier(e.prop[0]), e.prop[1]);
  return f.createArrayLiteralExpression(e.array.map(expression));
}

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
const scratch = ts.createSourceFile('print.ts', '', ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

export function returnCall(callee: string, args: readonly Expr[], typeArgs: readonly string[] = []): WriterFunction {
  const f = ts.factory;
  const types = typeArgs.map((t) => f.createTypeReferenceNode(t));
  const call = f.createCallExpression(f.createIdentifier(callee), types.length > 0 ? types : undefined, args.map(expression));
  const text = printer.printNode(ts.EmitHint.Unspecified, f.createReturnStatement(call), scratch);
  return (writer) => writer.write(text);
}
