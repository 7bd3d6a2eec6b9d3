/** Load definition files for tests through the real loader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDefinitions, type LoadedDefs } from '../../src/model/defs-loader.js';
import { REPO_ROOT } from './kernel-trees.js';

export function loadDefsFile(relPath: string): LoadedDefs {
  return loadDefinitions(relPath, readFileSync(join(REPO_ROOT, relPath), 'utf8'));
}
