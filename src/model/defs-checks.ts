/**
 * Checks a schema cannot express: names must be unique, struct headers must
 * stay inside the tree's include/uapi/, and a struct used by a syscall's
 * arguments is looked up by name.
 */
import { posix } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import type { LoadedDefs } from './defs-loader.js';

export function checkDefinitions({ defs, error }: LoadedDefs): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const seen = new Map<string, number>();
  defs.syscalls.forEach((s, i) => {
    if (seen.has(s.name)) problems.push(error(['syscalls', i, 'name'], `duplicate syscall '${s.name}' (first defined as syscalls[${seen.get(s.name)}])`));
    else seen.set(s.name, i);
  });
  const structs = new Map<string, number>();
  defs.structs.forEach((st, i) => {
    if (structs.has(st.name)) problems.push(error(['structs', i, 'name'], `duplicate struct '${st.name}'`));
    else structs.set(st.name, i);
    const normal = posix.normalize(st.header);
    if (posix.isAbsolute(st.header) || normal.startsWith('..') || normal !== st.header) {
      problems.push(error(['structs', i, 'header'], `header path '${st.header}' is outside the kernel tree`));
    } else if (!/^include\/uapi\/[\w/.-]+\.h$/.test(st.header)) {
      problems.push(error(['structs', i, 'header'], `header path '${st.header}' must be a .h file under include/uapi/`));
    }
    const fields = new Set<string>();
    st.fields.forEach((f, j) => {
      if (fields.has(f.name)) problems.push(error(['structs', i, 'fields', j, 'name'], `duplicate field '${f.name}' in struct ${st.name}`));
      fields.add(f.name);
    });
  });
  return problems;
}
