/**
 * The run-time statements copied into generated bindings.  They live as
 * real TypeScript in runtime/ (checked by `tsc -p .`); this module reads a
 * runtime file with ts-morph and returns each statement's text as written
 * there, leaving out the `declare`d placeholders the generated module
 * defines.  Imports are returned apart so the builder can merge them.
 *
 * runtime/ is next to this module: src/bindings/runtime/ under vitest, and
 * dist/bindings/runtime/ in the built tool, where `npm run build` copies
 * the .ts sources (tsc itself emits only their .js).
 */
import { IndentationText, NewLineKind, Node, Project, QuoteKind, type ImportDeclarationStructure } from 'ts-morph';

const RUNTIME_DIR = new URL('./runtime/', import.meta.url);

const RUNTIME_FILES = ['abi-detect.ts', 'struct-codec.ts', 'syscall-call.ts'] as const;
type RuntimeFile = (typeof RUNTIME_FILES)[number];

/** How generated bindings are printed; the runtime files are parsed with the same settings. */
export const MANIPULATION = { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Single };

export interface RuntimeStatements {
  imports: ImportDeclarationStructure[];
  /** Each statement's own text, JSDoc included, exactly as written in the runtime file. */
  statements: string[];
}

function runtimeStatements(project: Project, file: RuntimeFile): RuntimeStatements {
  const source = project.addSourceFileAtPath(new URL(file, RUNTIME_DIR).pathname);
  const imports = source.getImportDeclarations().map((d) => d.getStructure());
  const statements: string[] = [];
  for (const statement of source.getStatements()) {
    if (Node.isImportDeclaration(statement)) continue;
    if (Node.isAmbientable(statement) && statement.hasDeclareKeyword()) continue;
    statements.push(statement.getText(true));
  }
  project.removeSourceFile(source);
  return { imports, statements };
}

/** The run-time helpers' statements, parsed from runtime/. */
export function loadRuntime(): RuntimeStatements[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true, manipulationSettings: MANIPULATION });
  return RUNTIME_FILES.map((f) => runtimeStatements(project, f));
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
