/**
 * The dates syswire gives git, parsed in process, and the RFC 2822 form
 * `git format-patch` prints in `Date:`.
 *
 * Only two spellings are accepted, each in a strict form whose meaning to
 * git's parse_date() is unambiguous; anything else is `undefined` and the
 * caller lets real git handle it:
 *
 *   Thu, 4 Jun 2026 10:00:00 -0400   weekday (must be the date's own),
 *                                    day without a leading zero, month
 *                                    name, 4-digit year 1970-2099,
 *                                    hh:mm:ss, zone +-hhmm (hh < 24)
 *   @1780581600 -0400                seconds since the epoch and a zone
 *
 * The instant must lie between the epoch and the end of 2099 (git keeps
 * timestamps unsigned, and its calendar arithmetic stops at 2099).
 */

/** Seconds since the epoch and the zone in minutes east of UTC. */
export interface GitDate {
  epoch: number;
  tz: number;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LAST = Date.UTC(2099, 11, 31, 23, 59, 59) / 1000;

const RFC2822 = new RegExp(`^(${DAYS.join('|')}), ([1-9]|[12]\\d|3[01]) (${MONTHS.join('|')}) (\\d{4}) ([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d) ([+-])([01]\\d|2[0-3])([0-5]\\d)$`);
const RAW = /^@(\d{1,10}) ([+-])([01]\d|2[0-3])([0-5]\d)$/;

export function parseGitDate(text: string): GitDate | undefined {
  const raw = RAW.exec(text);
  if (raw) return checked(Number(raw[1]), zone(raw[2]!, raw[3]!, raw[4]!));
  const m = RFC2822.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[4]), MONTHS.indexOf(m[3]!), Number(m[2])];
  if (year < 1970 || year > 2099) return undefined;
  const local = new Date(Date.UTC(year, month, day, Number(m[5]), Number(m[6]), Number(m[7])));
  // No 31 Feb (git would roll it over), and the weekday must agree.
  if (local.getUTCDate() !== day || DAYS[local.getUTCDay()] !== m[1]) return undefined;
  const tz = zone(m[8]!, m[9]!, m[10]!);
  return checked(local.getTime() / 1000 - tz * 60, tz);
}

function zone(sign: string, hh: string, mm: string): number {
  const minutes = Number(hh) * 60 + Number(mm);
  return sign === '-' ? -minutes : minutes;
}

function checked(epoch: number, tz: number): GitDate | undefined {
  return epoch >= 0 && epoch <= LAST ? { epoch, tz: tz === 0 ? 0 : tz } : undefined;
}

/** `+hhmm` / `-hhmm`, as git stores a zone. */
export function formatTz(tz: number): string {
  const abs = Math.abs(tz);
  return `${tz < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** `Thu, 4 Jun 2026 10:00:00 -0400`: the wall-clock time in the date's own zone. */
export function formatRfc2822(date: GitDate): string {
  const t = new Date((date.epoch + date.tz * 60) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  return `${DAYS[t.getUTCDay()]}, ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${time} ${formatTz(date.tz)}`;
}
