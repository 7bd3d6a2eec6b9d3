/**
 * The run-time statements copied into generated bindings.  They live as
 * real TypeScript in runtime/ (checked by `tsc -p .`); this module reads a
 * runtime file with ts-morph and returns each statement's text as written
 * there (already formatted), leaving out the `declare`d placeholders the
 * generated module defines.  Imports are returned apart so the builder can
 * merge them.
 *
 * The statements are plain data: `npm run build` stores them in
 * dist/runtime-statements.json with the SHA-1 of the runtime sources, and
 * loadRuntime() takes them from there when the hash matches the files on
 * disk (parsing them again costs ~70 ms), else parses the files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { IndentationText, NewLineKind, Node, Project, QuoteKind, type ImportDeclarationStructure } from 'ts-morph';

/** From src/bindings/ and from dist/bindings/ alike: the runtime sources stay in src/. */
const RUNTIME_DIR = new URL('../../src/bindings/runtime/', import.meta.url);

const PRECOMPUTED = new URL('../../dist/runtime-statements.json', import.meta.url);

const RUNTIME_FILES = ['abi-detect.ts', 'struct-codec.ts', 'syscall-call.ts'] as const;
type RuntimeFile = (typeof RUNTIME_FILES)[number];

/** How generated bindings are printed; the runtime files are parsed with the same settings. */
export const MANIPULATION = { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Single };

export interface RuntimeStatements {
  imports: ImportDeclarationStructure[];
  /** Each statement's own text, JSDoc included, exactly as formatted in the runtime file. */
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

let runtime: RuntimeStatements[] | undefined;

/** The run-time helpers' statements, once per process: precomputed when fresh, else parsed. */
export function loadRuntime(): RuntimeStatements[] {
  if (!runtime) {
    const stored = existsSync(PRECOMPUTED) ? (JSON.parse(readFileSync(PRECOMPUTED, 'utf8')) as PrecomputedRuntime) : undefined;
    runtime = stored?.sha1 === runtimeHash() ? stored.files : parseRuntime();
  }
  return runtime;
}

interface PrecomputedRuntime {
  sha1: string;
  files: RuntimeStatements[];
}

/** The text of dist/runtime-statements.json (written by scripts/build.mjs). */
export function precomputedRuntimeText(): string {
  const stored: PrecomputedRuntime = { sha1: runtimeHash(), files: parseRuntime() };
  return `${JSON.stringify(stored)}\n`;
}

function parseRuntime(): RuntimeStatements[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true, manipulationSettings: MANIPULATION });
  return RUNTIME_FILES.map((f) => runtimeStatements(project, f));
}

function runtimeHash(): string {
  const hash = createHash('sha1');
  for (const file of RUNTIME_FILES) hash.update(`${file}\0${readFileSync(new URL(file, RUNTIME_DIR), 'utf8')}\0`);
  return hash.digest('hex');
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
