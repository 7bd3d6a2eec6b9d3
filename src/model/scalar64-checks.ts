/**
 * Diagnostics for a definition's 64-bit scalar arguments (scalar64.ts):
 *
 * - warning at the arg, when it would start in an odd 32-bit register slot:
 *   names the ABIs that pad and an order that avoids the padding
 *   (adding-syscalls.rst: 64-bit arguments at positions 1, 3 or 5);
 * - error, when the split arguments need more than the six registers a
 *   COMPAT_SYSCALL_DEFINEn can take;
 * - error at `compat`, when the definition says `compat: false` although
 *   32-bit callers split an argument in two.
 */
import { parameterName } from './c-declaration.js';
import type { Diagnostic } from './diagnostics.js';
import type { LoadedDefs } from './loaded-defs.js';
import { alignedOrder, oddSlotArgs, PAIRING_ABIS, scalar64Args, splitRegisterCount } from './scalar64.js';

const MAX_REGISTERS = 6;

export function checkScalar64Args(loaded: LoadedDefs): Diagnostic[] {
  const out: Diagnostic[] = [];
  loaded.defs.syscalls.forEach((s, i) => {
    const wide = scalar64Args(s.args);
    if (wide.length === 0) return;
    if (s.compat === false) {
      out.push(loaded.error(['syscalls', i, 'compat'], `${s.name} has 64-bit argument '${wide[0]!.name}', which 32-bit callers pass in two registers: it needs a compat entry (compat: true, or leave compat out)`));
    }
    const registers = splitRegisterCount(s.args);
    if (registers > MAX_REGISTERS) {
      out.push(loaded.error(['syscalls', i, 'args'], `${s.name}'s arguments take ${registers} 32-bit registers once each 64-bit one is split, more than the ${MAX_REGISTERS} a system call has; pass them in a struct`));
    }
    const order = alignedOrder(s.args);
    for (const arg of oddSlotArgs(s.args)) {
      const suggestion = order ? `, e.g. (${order.map(parameterName).join(', ')})` : '';
      out.push({
        ...loaded.error(
          ['syscalls', i, 'args', arg.index],
          `64-bit argument '${arg.name}' (arg ${arg.index + 1}) would start in 32-bit register ${arg.slot + 1}: ${PAIRING_ABIS.slice(0, -1).join(', ')} and ${PAIRING_ABIS.at(-1)} insert a padding register before it, so the compat entry's halves are misread; start 64-bit arguments in register 1, 3 or 5${suggestion}`,
        ),
        severity: 'warning',
      });
    }
  });
  return out;
}
