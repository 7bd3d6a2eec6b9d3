/**
 * A struct whose layout differs between a compat ABI and the 64-bit ABIs
 * (compat-layout.ts) must say `compat: true`, so its calls convert
 * `struct compat_<name>` in a compat entry, or be changed; otherwise the
 * 64-bit kernel misreads what 32-bit user space passes.  The error names
 * every ABI and offset that differs.
 */
import type { Diagnostic } from './diagnostics.js';
import type { LoadedDefs } from './loaded-defs.js';
import { compatLayoutDifferences, describeDifference } from './compat-layout.js';

export function checkCompatStructs(loaded: LoadedDefs): Diagnostic[] {
  return loaded.defs.structs.flatMap((st, i) => {
    if (st.compat) return [];
    const diffs = compatLayoutDifferences(st.fields);
    if (diffs.length === 0) return [];
    return [
      loaded.error(
        ['structs', i, 'name'],
        `struct ${st.name} lays out differently for compat ABIs than for 64-bit ones (${diffs.map(describeDifference).join('; ')}); set 'compat: true' on the struct to convert struct compat_${st.name} in a compat entry, or change the struct (e.g. __aligned_u64, or explicit padding so every 64-bit field is 8-aligned)`,
      ),
    ];
  });
}
