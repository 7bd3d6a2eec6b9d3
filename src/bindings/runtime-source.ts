/**
 * The run-time statements copied into generated bindings.  They live as
 * real TypeScript in runtime/ (checked by `tsc -p .`); this module reads a
 * runtime file with ts-morph and returns its statements as structures,
 * leaving out the `declare`d placeholders the generated module defines.
 * Imports are returned apart so the builder can merge them.
 */
import { Node, type ImportDeclarationStructure, type Project, type StatementStructures } from 'ts-morph';

/** From src/bindings/ and from dist/bindings/ alike: the runtime sources stay in src/. */
const RUNTIME_DIR = new URL('../../src/bindings/runtime/', import.meta.url);

export type RuntimeFile = 'abi-detect.ts' | 'struct-codec.ts' | 'syscall-call.ts';

export interface RuntimeStatements {
  imports: ImportDeclarationStructure[];
  statements: StatementStructures[];
}

export function runtimeStatements(project: Project, file: RuntimeFile): RuntimeStatements {
  const source = project.addSourceFileAtPath(new URL(file, RUNTIME_DIR).pathname);
  const imports = source.getImportDeclarations().map((d) => d.getStructure());
  const statements: StatementStructures[] = [];
  for (const statement of source.getStatements()) {
    if (Node.isImportDeclaration(statement)) continue;
    if (Node.isAmbientable(statement) && statement.hasDeclareKeyword()) continue;
    if (!Node.hasStructure(statement)) throw new Error(`${file}: cannot copy a ${statement.getKindName()} statement`);
    statements.push(statement.getStructure() as StatementStructures);
  }
  project.removeSourceFile(source);
  return { imports, statements };
}

/** Merge import declarations by module, named imports sorted and unique. */
export function mergeImports(all: readonly ImportDeclarationStructure[]): ImportDeclarationStructure[] {
  const byModule = new Map<string, Set<string>>();
  for (const decl of all) {
    const names = byModule.get(decl.moduleSpecifier) ?? new Set<string>();
    for (const named of Array.isArray(decl.namedImports) ? decl.namedImports : []) names.add(typeof named === 'string' ? named : String((named as { name: string }).name));
    byModule.set(decl.moduleSpecifier, names);
  }
  return [...byModule.keys()].sort().map((moduleSpecifier) => ({
    ...all.find((d) => d.moduleSpecifier === moduleSpecifier)!,
    namedImports: [...byModule.get(moduleSpecifier)!].sort(),
  }));
}
