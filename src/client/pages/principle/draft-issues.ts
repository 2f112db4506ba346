import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * Zod's own messages are English and technical; these are the reader's. The shared model's
 * custom rules are recognised by where they apply.
 */
export function draftIssueText(t: TFunction, issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('draft.validation.required');
      if (issue.origin === 'array') return t('draft.validation.tooFew', { count: Number(issue.minimum) });
      return t('draft.validation.atLeast', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('draft.validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('draft.validation.tooMany', { count: Number(issue.maximum) });
      return t('draft.validation.atMost', { max: Number(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'number' ? t('draft.validation.number') : t('draft.validation.required');
    case 'invalid_format':
      return issue.format === 'regex' && last === 'id' ? t('draft.validation.statementId') : t('draft.validation.time');
    case 'custom':
      if (last === 'needsBasedRounds') return t('draft.validation.needsBasedRounds');
      if (last === 'toGrade') return t('draft.validation.bandOrder');
      if (last === 'fromGrade') return t('draft.validation.bandOverlap');
      if (last === 'level') return t('draft.validation.involvementGrows');
      if (last === 'to') return t('draft.validation.quietHours');
      if (last === 'id') return t('draft.validation.statementDuplicate');
      return t('draft.validation.unique');
    default:
      return t('draft.validation.check');
  }
}
