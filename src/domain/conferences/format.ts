/** How a home holds its conference: in person at the school, by phone, or on video. */
export type ConferenceFormat = 'in_person' | 'phone' | 'video';

/** The home's own choice, else the first of the round's formats (in person when it lists none). */
export function formatOf(row: {
  format: ConferenceFormat | null;
  formats: readonly ConferenceFormat[];
}): ConferenceFormat {
  return row.format ?? row.formats[0] ?? 'in_person';
}
