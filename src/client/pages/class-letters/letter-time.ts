/**
 * A day and a time of day on Copenhagen's clock as an ISO moment with its offset
 * ("2026-12-11T07:30:00+01:00"), whatever time zone the browser is in: the school's letters go
 * out on the school's clock.
 */
export function copenhagenMoment(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' })
      .formatToParts(guess)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${date}T${time}:00${offset}`;
}
