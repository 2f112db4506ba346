/**
 * What the parent meetings' shared schema needs of their rules, apart from the rules themselves:
 * the web app's bundle reads these, and the rules' module brings Luxon and the school calendar.
 */

/**
 * The topics of a well-being action plan (trivselshandleplan) offered as agenda items where the
 * principle puts them on the agenda: the themes Danish schools' well-being and anti-bullying
 * strategies name for the class's homes to talk about together.
 */
export const WELL_BEING_TOPICS = [
  'class-community',
  'digital-life',
  'bullying-prevention',
  'birthdays-and-invitations',
  'play-groups',
  'attendance',
  'sleep-and-screens',
] as const;
export type WellBeingTopic = (typeof WELL_BEING_TOPICS)[number];

/** Each topic as an agenda item reads, in Danish and English (mails and calendar files; the app has its catalogue). */
export const WELL_BEING_TOPIC_TITLES: Record<WellBeingTopic, { da: string; en: string }> = {
  'class-community': { da: 'Fællesskabet i klassen', en: 'The community of the class' },
  'digital-life': { da: 'Digital trivsel og sociale medier', en: 'Digital well-being and social media' },
  'bullying-prevention': { da: 'Forebyggelse af mobning', en: 'Preventing bullying' },
  'birthdays-and-invitations': { da: 'Fødselsdage og invitationer', en: 'Birthdays and invitations' },
  'play-groups': { da: 'Legegrupper', en: 'Play groups' },
  attendance: { da: 'Fremmøde og fravær', en: 'Attendance and absence' },
  'sleep-and-screens': { da: 'Søvn og skærmtid', en: 'Sleep and screen time' },
};

/** The most people a home may say it comes with. */
export const MAX_PEOPLE_COMING = 10;
