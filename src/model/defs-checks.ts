/**
 * Checks a schema cannot express: names must be unique (syscalls, structs,
 * fields, the parameters of one prototype), and a struct's header must be
 * a uapi header of its own: inside the tree's include/uapi/, and none of
 * the files syswire edits to wire the syscalls up.
 */
import { posix } from 'node:path';
import { parameterName } from './c-declaration.js';
import type { Diagnostic } from './diagnostics.js';
import type { LoadedDefs } from './loaded-defs.js';
import { isWiredFile } from './kernel-names.js';

export function checkDefinitions({ defs, error }: LoadedDefs): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const seen = new Map<string, number>();
  defs.syscalls.forEach((s, i) => {
    if (seen.has(s.name)) problems.push(error(['syscalls', i, 'name'], `duplicate syscall '${s.name}' (first defined as syscalls[${seen.get(s.name)}])`));
    else seen.set(s.name, i);
    for (const key of ['args', 'compat_args'] as const) {
      const names = new Map<string, number>();
      (s[key] ?? []).forEach((decl, j) => {
        const name = parameterName(decl);
        if (names.has(name)) problems.push(error(['syscalls', i, key, j], `duplicate parameter name '${name}' (also ${key}[${names.get(name)}])`));
        else names.set(name, j);
      });
    }
  });
  const structs = new Map<string, number>();
  defs.structs.forEach((st, i) => {
    if (structs.has(st.name)) problems.push(error(['structs', i, 'name'], `duplicate struct '${st.name}'`));
    else structs.set(st.name, i);
    const header = headerProblem(st.header);
    if (header) problems.push(error(['structs', i, 'header'], `header path '${st.header}' ${header}`));
    const fields = new Set<string>();
    st.fields.forEach((f, j) => {
      if (fields.has(f.name)) problems.push(error(['structs', i, 'fields', j, 'name'], `duplicate field '${f.name}' in struct ${st.name}`));
      fields.add(f.name);
    });
  });
  return problems;
}

/** Why a struct cannot live in `header`, or undefined. */
function headerProblem(header: string): string | undefined {
  const normal = posix.normalize(header);
  if (posix.isAbsolute(header) || normal === '..' || normal.startsWith('../')) return 'is outside the kernel tree';
  if (normal !== header) return "must be written plainly, without '.', '..' or repeated '/' components";
  if (isWiredFile(header)) return 'is a file syswire edits to wire syscalls up; give the struct a uapi header of its own, e.g. include/uapi/linux/<name>.h';
  if (!/^include\/uapi\/(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.h$/.test(header)) return 'must be a .h file under include/uapi/';
  return undefined;
}
