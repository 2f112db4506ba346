const DAY_MS = 24 * 60 * 60 * 1000;

/** The ISO date `days` days after `date` (before, when negative). */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The Monday of an ISO week: week 1 holds 4 January. */
export function mondayOfWeek(year: number, week: number): string {
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday + (week - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** The weekdays from `from` to `to` (ISO dates, both included), each with the label. */
function weekdays(from: string, to: string, label: string): Array<{ date: string; label: string }> {
  const days: Array<{ date: string; label: string }> = [];
  for (let at = Date.parse(`${from}T12:00:00Z`); at <= Date.parse(`${to}T12:00:00Z`); at += DAY_MS) {
    const day = new Date(at);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push({ date: day.toISOString().slice(0, 10), label });
  }
  return days;
}

/**
 * The demo school's own closed days in a school year (the public holidays are known already):
 * the autumn holiday in week 42, the Christmas holiday and the winter holiday in week 7.
 */
export function demoClosedDays(schoolYear: number): Array<{ date: string; label: string }> {
  const friday = (monday: string) => addDays(monday, 4);
  const autumn = mondayOfWeek(schoolYear, 42);
  const winter = mondayOfWeek(schoolYear + 1, 7);
  return [
    ...weekdays(autumn, friday(autumn), 'Efterårsferie'),
    ...weekdays(`${schoolYear}-12-21`, `${schoolYear + 1}-01-01`, 'Juleferie'),
    ...weekdays(winter, friday(winter), 'Vinterferie'),
  ];
}
