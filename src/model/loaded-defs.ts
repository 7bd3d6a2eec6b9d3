/**
 * A loaded definition: the typed data and the way back to its YAML nodes,
 * for diagnostics.  Its own module, so the checks (defs-checks.ts) and the
 * loader that runs them do not import each other.
 */
import type { Defs } from './defs-schema.js';
import type { Diagnostic } from './diagnostics.js';

/** A path into the document; a `{ key }` step addresses a map key itself rather than its value. */
export type NodePath = readonly (string | number | { key: string })[];

export interface LoadedDefs {
  file: string;
  defs: Defs;
  /** Position of the YAML node at `path` (or the nearest existing parent), for diagnostics. */
  locate(path: NodePath): { line: number; col: number };
  /** Build an error diagnostic at `path`. */
  error(path: NodePath, message: string): Diagnostic;
}
