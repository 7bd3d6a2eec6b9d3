/**
 * `return callee<T>(args);`, the one statement each generated codec and
 * syscall function has, printed from a TypeScript factory node.  Arguments
 * are small expression trees: identifier, string, property access, array.
 */
import { ts, type WriterFunction } from 'ts-morph';

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
