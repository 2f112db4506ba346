export {
  generatePlayGroups,
  MAX_CHILDREN,
  MAX_ROUNDS,
  PlayGroupsError,
  type PlayGroupsErrorCode,
  type PlayGroupsInput,
  type PlayGroupsResult,
} from './generate.js';
