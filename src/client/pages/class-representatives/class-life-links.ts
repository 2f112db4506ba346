import { paths } from '../../app/paths.js';

/**
 * Where a class parent representative helps out: the class's parent meetings and play groups
 * (issue 12 points 2 and 5, pages of their own under the class), and the representatives' page.
 */
export const classLifeLinks = (schoolId: string, classId: string) => [
  { key: 'parentMeetings', to: paths.classParentMeetings(schoolId, classId) },
  { key: 'playGroups', to: paths.playGroups(schoolId, classId) },
];

export const representativesPath = (schoolId: string, classId: string) =>
  `${paths.class(schoolId, classId)}/representatives`;
