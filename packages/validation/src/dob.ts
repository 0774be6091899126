import { asText, fail, ok, type ValidationResult } from './result.ts';

export const MAX_AGE = 120;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** `YYYY-MM-DD` (single-digit month and day accepted) or the US `MM/DD/YYYY`; only real dates. */
export function parseCalendarDate(input: unknown): CalendarDate | undefined {
  const text = asText(input).trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : us
      ? [Number(us[3]), Number(us[1]), Number(us[2])]
      : [0, 0, 0];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Whole years from `birth` to `on`. A 29 February birthday counts as 1 March in common years: the
 * later of the two readings, so a minimum age is never granted a day early.
 */
export function ageOn(birth: CalendarDate, on: CalendarDate): number {
  let age = on.year - birth.year;
  const birthdayThisYear =
    birth.month === 2 && birth.day === 29 && !isLeapYear(on.year)
      ? { year: on.year, month: 3, day: 1 }
      : { year: on.year, month: birth.month, day: birth.day };
  if (compare(on, birthdayThisYear) < 0) age -= 1;
  return age;
}

export function todayLocal(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export interface DobRules {
  /** Checkr's error table has both 16 and 18; the package decides. */
  minAge: 16 | 18;
  /** `YYYY-MM-DD`; defaults to the runtime's local date. */
  today?: string;
}

export function validateDob(input: unknown, rules: DobRules): ValidationResult<string> {
  if (asText(input).trim() === '') return fail('dob_required', '/dob');
  const birth = parseCalendarDate(input);
  if (!birth) return fail('dob_invalid', '/dob');
  const today = (rules.today && parseCalendarDate(rules.today)) || todayLocal();
  if (compare(birth, today) > 0) return fail('dob_in_future', '/dob');
  const age = ageOn(birth, today);
  if (age < rules.minAge) return fail('dob_too_young', '/dob', { minAge: rules.minAge });
  if (age > MAX_AGE) return fail('dob_too_old', '/dob', { maxAge: MAX_AGE });
  return ok(formatCalendarDate(birth));
}
