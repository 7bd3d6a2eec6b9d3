/**
 * uapi headers for the definition's structs: a new header when the tree
 * has none at that path, otherwise the structs are added before the
 * header's closing `#endif` (structs already defined there are left alone).
 */
import type { StructDef } from '../model/defs-schema.js';
import { renderStruct, renderUapiHeader } from '../render/uapi-header.js';
import { insertLines, type FileEdit } from './file-edit.js';

export function planUapiEdits(structs: readonly StructDef[], readTreeFile: (path: string) => string | undefined): FileEdit[] {
  const byHeader = new Map<string, StructDef[]>();
  for (const s of structs) byHeader.set(s.header, [...(byHeader.get(s.header) ?? []), s]);
  const edits: FileEdit[] = [];
  for (const [path, list] of byHeader) {
    const before = readTreeFile(path);
    if (before === undefined) {
      edits.push({ path, before, after: renderUapiHeader(path, list) });
      continue;
    }
    const missing = list.filter((s) => !new RegExp(`^struct ${s.name} \\{`, 'm').test(before));
    if (missing.length === 0) continue;
    const lines = before.split('\n');
    const endif = lines.map((l) => l.startsWith('#endif')).lastIndexOf(true);
    if (endif < 0) throw new Error(`${path}: no closing #endif to insert before`);
    const body = missing.flatMap((s) => renderStruct(s).split('\n').concat(''));
    edits.push({ path, before, after: insertLines(before, [{ after: endif - 1, lines: body }]) });
  }
  return edits;
}
