import type { CliContext } from '../context.js';
export function runRenumber(_args: string[], _ctx: CliContext): number {
  return 1;
}
