/**
 * Building blocks of the definition schema that carry their own reason:
 * a check that turns "why not" into a zod issue, bounded integers, the
 * explicit syscall number, and text that goes inside a C comment.
 */
import * as z from 'zod';

/**
 * The largest explicit generic number.  Tables add an offset to it (alpha
 * 110, ia64 1024, mips o32 4000, n64 5000, n32 6000), and each result must
 * stay an exact, small integer: a syscall number is an `int` in the kernel
 * and sizes its tables, and a JS number past 2^53 is no longer exact, so
 * `2^53 - 1 + 4000` would give rows that are off.  A million is far above
 * any number Linux will reach (463 in 6.12) and far below 2^31 - 6000.
 */
export const MAX_EXPLICIT_NUMBER = 1_000_000;

/** A zod check: an issue with the reason `problem(value)` gives, if it gives one. */
export function refuse<T>(problem: (value: T) => string | undefined) {
  return (ctx: z.core.ParsePayload<T>): void => {
    const message = problem(ctx.value);
    if (message !== undefined) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  };
}

/** `what: reason`, or undefined without a reason. */
export function withReason(what: string, reason: string | undefined): string | undefined {
  return reason === undefined ? undefined : `${what}: ${reason}`;
}

/** A value as a diagnostic shows it: one line, JSON-quoted, at most 60 characters. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** A value of any type, shown in a diagnostic (`1e+23`, `Infinity`, `"12"`). */
function show(value: unknown): string {
  return typeof value === 'string' ? quote(value) : typeof value === 'number' ? String(value) : typeof value;
}

/** Text inside a C comment must neither close it nor open a nested one. */
export function commentMarkerProblem(text: string): string | undefined {
  if (text.includes('*/')) return "'*/' would close the C comment this text is printed in";
  if (text.includes('/*')) return "'/*' would open a comment inside the C comment this text is printed in";
  return undefined;
}

/** An integer from `min` to `max`; a number out of range, not an integer, or not finite says so (other types get zod's message). */
export function boundedInt(min: number, max: number) {
  const error = (iss: { input?: unknown }) => (typeof iss.input === 'number' ? `must be an integer from ${min} to ${max}, not ${show(iss.input)}` : undefined);
  return z.number({ error }).min(min, { error, abort: true }).max(max, { error, abort: true }).int({ error });
}

const numberError = (iss: { input?: unknown }) =>
  `must be 'auto' or an integer from 0 to ${MAX_EXPLICIT_NUMBER}, not ${show(iss.input)} (tables add offsets of up to 6000, and every number must stay an exact integer)`;

/** A syscall's `number:`: `auto`, or a generic number small enough for every table's offset. */
export const explicitNumber = z.union(
  [z.literal('auto'), z.number().min(0, { error: numberError, abort: true }).max(MAX_EXPLICIT_NUMBER, { error: numberError, abort: true }).int({ error: numberError })],
  { error: numberError },
);
