/** The `--dry-run` listing: one line per file, like `git diff --stat` with numbers. */
import type { WirePlan } from '../plan/wire-plan.js';

export function summarizeEdits(plan: WirePlan): string {
  const numbers = plan.calls.map((c) => `${c.def.name} ${c.nr}${c.wired ? ' (already wired)' : ''}`).join(', ');
  const lines = plan.edits.map((e) => {
    const added = e.after.split('\n').length - (e.before === undefined ? 0 : e.before.split('\n').length);
    return `${e.before === undefined ? 'A' : 'M'} ${e.path} (+${added})`;
  });
  return `numbers: ${numbers}\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}
