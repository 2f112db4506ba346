export { lix, lixBand, type LixBand } from './readability.js';
export {
  SENSITIVE_TOPICS,
  detectSensitiveTopics,
  type SensitiveTopic,
  type SensitiveTopicMatch,
} from './sensitive-topics.js';
export { detectShouting, type ShoutingReason, type ShoutingResult } from './shouting.js';
export { adviseOnMessage, type Advice, type AdviceHint, type AdviceHintCode, type AdviceInput } from './advise.js';
