/**
 * Render one syscall table row by the whitespace rule of
 * kernel-conventions §5.2, using the stops learnt from the table itself:
 * each field is followed by TABs up to the next stop (exactly one TAB when
 * the field already reaches it), or, for s390's space-padded number column,
 * by spaces.  No trailing whitespace.  The rule itself is in
 * kernel/row-gaps.ts, which lint checks rows against without rendering.
 */
import { tableRowGaps } from '../kernel/row-gaps.js';
import type { ColumnStop } from '../kernel/table-format.js';
import { renderTemplate } from './engine.js';

export function renderTableRow(fields: readonly string[], stops: readonly ColumnStop[]): string {
  const gaps = tableRowGaps(fields, stops);
  return renderTemplate('table-row.tbl.hbs', { cells: fields.map((text, i) => ({ text, gap: gaps[i] ?? '' })) });
}
