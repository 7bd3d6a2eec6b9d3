/**
 * The indent heuristic of git's xdl_change_compact (xdiff/xdiffi.c, on by
 * default since git 2.14): where to park a group of added or deleted
 * lines that could slide.
 *
 * Each candidate position makes two splits, above and below the group.
 * A split is measured (measureSplit: the indentation of the line after
 * it, the blank lines around it and the nearest non-blank lines' indents,
 * TABs to 8 columns, capped at 200 columns and 20 blank lines) and scored
 * (scoreSplit) with git's empirically tuned weights.  The two scores add
 * up; effective indents compare only as less/equal/greater, weighted 60,
 * plus the penalties.  The lowest total wins, a tie going to the lower
 * position.  Only the lowest position and the groupsize + 1 above it are
 * tried (and never more than 100), as in git.
 * "Blank" is git's isspace: space, TAB, LF, CR, not \v or \f.
 */
import type { DiffSide } from './xdiff-prepare.js';

const MAX_INDENT = 200;
const MAX_BLANKS = 20;
const START_OF_FILE_PENALTY = 1;
const END_OF_FILE_PENALTY = 21;
const TOTAL_BLANK_WEIGHT = -30;
const POST_BLANK_WEIGHT = 6;
const RELATIVE_INDENT_PENALTY = -4;
const RELATIVE_INDENT_WITH_BLANK_PENALTY = 10;
const RELATIVE_OUTDENT_PENALTY = 24;
const RELATIVE_OUTDENT_WITH_BLANK_PENALTY = 17;
const RELATIVE_DEDENT_PENALTY = 23;
const RELATIVE_DEDENT_WITH_BLANK_PENALTY = 17;
const INDENT_WEIGHT = 60;
const INDENT_HEURISTIC_MAX_SLIDING = 100;

/** The end position, between earliestEnd and end, with the lowest split score. */
export function bestShift(s: DiffSide, end: number, groupsize: number, earliestEnd: number): number {
  let shift = Math.max(earliestEnd, end - groupsize - 1, end - INDENT_HEURISTIC_MAX_SLIDING);
  let best = -1;
  let bestScore = { effectiveIndent: 0, penalty: 0 };
  for (; shift <= end; shift++) {
    const score = { effectiveIndent: 0, penalty: 0 };
    scoreSplit(measureSplit(s, shift), score);
    scoreSplit(measureSplit(s, shift - groupsize), score);
    if (best === -1 || compareScores(score, bestScore) <= 0) {
      bestScore = score;
      best = shift;
    }
  }
  return best;
}

/** Indentation with TAB stops of 8; -1 for a blank line; capped at MAX_INDENT. */
function getIndent(line: string): number {
  let ret = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // git's isspace: space, \t, \n, \r (not \v or \f).
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return ret;
    if (c === 0x20) ret += 1;
    else if (c === 0x09) ret += 8 - (ret % 8);
    if (ret >= MAX_INDENT) return MAX_INDENT;
  }
  return -1;
}

interface SplitMeasurement {
  endOfFile: boolean;
  indent: number;
  preBlank: number;
  preIndent: number;
  postBlank: number;
  postIndent: number;
}

function measureSplit(s: DiffSide, split: number): SplitMeasurement {
  const n = s.lines.length;
  const m: SplitMeasurement = { endOfFile: split >= n, indent: split >= n ? -1 : getIndent(s.lines[split]!), preBlank: 0, preIndent: -1, postBlank: 0, postIndent: -1 };
  for (let i = split - 1; i >= 0; i--) {
    m.preIndent = getIndent(s.lines[i]!);
    if (m.preIndent !== -1) break;
    m.preBlank += 1;
    if (m.preBlank === MAX_BLANKS) {
      m.preIndent = 0;
      break;
    }
  }
  for (let i = split + 1; i < n; i++) {
    m.postIndent = getIndent(s.lines[i]!);
    if (m.postIndent !== -1) break;
    m.postBlank += 1;
    if (m.postBlank === MAX_BLANKS) {
      m.postIndent = 0;
      break;
    }
  }
  return m;
}

function scoreSplit(m: SplitMeasurement, s: { effectiveIndent: number; penalty: number }): void {
  if (m.preIndent === -1 && m.preBlank === 0) s.penalty += START_OF_FILE_PENALTY;
  if (m.endOfFile) s.penalty += END_OF_FILE_PENALTY;
  const postBlank = m.indent === -1 ? 1 + m.postBlank : 0;
  const totalBlank = m.preBlank + postBlank;
  s.penalty += TOTAL_BLANK_WEIGHT * totalBlank;
  s.penalty += POST_BLANK_WEIGHT * postBlank;
  const indent = m.indent !== -1 ? m.indent : m.postIndent;
  const anyBlanks = totalBlank !== 0;
  s.effectiveIndent += indent;
  if (indent === -1 || m.preIndent === -1) {
    // No adjustment.
  } else if (indent > m.preIndent) {
    s.penalty += anyBlanks ? RELATIVE_INDENT_WITH_BLANK_PENALTY : RELATIVE_INDENT_PENALTY;
  } else if (indent === m.preIndent) {
    // Same level: no adjustment.
  } else if (m.postIndent !== -1 && m.postIndent > indent) {
    s.penalty += anyBlanks ? RELATIVE_OUTDENT_WITH_BLANK_PENALTY : RELATIVE_OUTDENT_PENALTY;
  } else {
    s.penalty += anyBlanks ? RELATIVE_DEDENT_WITH_BLANK_PENALTY : RELATIVE_DEDENT_PENALTY;
  }
}

function compareScores(a: { effectiveIndent: number; penalty: number }, b: { effectiveIndent: number; penalty: number }): number {
  const cmpIndents = Number(a.effectiveIndent > b.effectiveIndent) - Number(a.effectiveIndent < b.effectiveIndent);
  return INDENT_WEIGHT * cmpIndents + (a.penalty - b.penalty);
}
