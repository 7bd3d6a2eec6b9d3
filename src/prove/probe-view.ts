/**
 * The view of templates/prove-probe.c.hbs for one ABI: each new syscall
 * with the number the generated bindings give that ABI (the same numbers
 * `generate` writes into bindings/<series>.ts, from abi-numbers.ts) and
 * arguments the generated entry skeleton refuses before it does anything
 * (entry-skeleton.ts):
 *
 *  - a size-extensible struct argument: size 0 is below <NAME>_SIZE_VER0,
 *    so the skeleton returns -EINVAL before it reads user memory;
 *  - a plain `flags` argument: all bits set, unknown bits give -EINVAL.
 *
 * A call with neither has no errno that tells its entry point from the
 * kernel's ENOSYS, and a call the series does not wire for the ABI has no
 * number; both become TAP skips with the reason.
 */
import type { PlannedCall } from '../plan/numbering.js';
import { splitDeclaration } from '../render/entry-skeleton.js';
import { upper } from '../render/helpers.js';

export interface ProbeView {
  abi: string;
  probes: { name: string; nr: number; args: string; want: string; why: string }[];
  skips: { name: string; why: string }[];
}

export function probeView(abi: string, calls: readonly PlannedCall[], numbers: ReadonlyMap<string, Record<string, number | null>>): ProbeView {
  const view: ProbeView = { abi, probes: [], skips: [] };
  for (const call of calls) {
    const name = call.def.name;
    const nr = numbers.get(name)?.[abi] ?? null;
    if (nr === null) {
      view.skips.push({ name, why: `the series does not wire it for ${abi}` });
      continue;
    }
    const refusal = refusingArgs(call);
    if (!refusal) {
      view.skips.push({ name, why: 'no argument its entry skeleton refuses, so no errno to tell it from ENOSYS' });
      continue;
    }
    view.probes.push({ name, nr, ...refusal });
  }
  return view;
}

function refusingArgs(call: PlannedCall): { args: string; want: string; why: string } | undefined {
  const params = call.def.args.map(splitDeclaration);
  const args = params.map(() => '0');
  const ext = call.def.extensible;
  const sizeAt = ext ? params.findIndex((p) => p.name === ext.size_arg) : -1;
  if (ext && sizeAt >= 0) {
    const struct = /struct (\w+)/.exec(params.find((p) => p.name === ext.struct_arg)?.type ?? '')?.[1] ?? ext.struct_arg;
    return { args: pad(args), want: 'EINVAL', why: `size 0 is below ${upper(struct)}_SIZE_VER0` };
  }
  const flagsAt = params.findIndex((p) => p.name === 'flags' && !p.type.includes('*'));
  if (flagsAt >= 0) {
    args[flagsAt] = '-1';
    return { args: pad(args), want: 'EINVAL', why: 'every flag bit set, and unknown bits are refused' };
  }
  return undefined;
}

/** Six arguments, as syscall(2) is called with here. */
function pad(args: string[]): string {
  return [...args, ...Array(6 - args.length).fill('0')].join(', ');
}
