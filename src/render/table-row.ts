/**
 * Render one syscall table row by the whitespace rule of
 * kernel-conventions §5.2, using the stops learnt from the table itself:
 * each field is followed by TABs up to the next stop (exactly one TAB when
 * the field already reaches it), or, for s390's space-padded number column,
 * by spaces.  No trailing whitespace.
 */
import type { ColumnStop } from '../kernel/table-format.js';
import { tabsTo, visualEnd } from '../kernel/text-lines.js';
import { renderTemplate } from './engine.js';

export function renderTableRow(fields: readonly string[], stops: readonly ColumnStop[]): string {
  let col = 0;
  const cells = fields.map((text, i) => {
    col = visualEnd(text, col);
    const stop = stops[i];
    let gap = '';
    if (i < fields.length - 1) {
      gap = stop?.fill === 'spaces' ? ' '.repeat(Math.max(1, stop.column - col)) : tabsTo(col, stop?.column ?? col + 1);
      col = visualEnd(gap, col);
    }
    return { text, gap };
  });
  return renderTemplate('table-row.tbl.hbs', { cells });
}
