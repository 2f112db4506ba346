import { z } from 'zod';
import { parseClockTime, type Language } from './clock.js';
import { ZConferenceInstance, type TAvailabilityWindow, type TConferenceInstance } from './instance.schema.js';

/** One thing wrong with an instance file, with the place it is ("meetings[12].staff[0]"; empty for the whole file). */
export interface InstanceIssue {
  path: string;
  message: Record<Language, string>;
}

export type InstanceValidation = { ok: true; instance: TConferenceInstance } | { ok: false; issues: InstanceIssue[] };

export function formatInstanceIssue(issue: InstanceIssue, language: Language): string {
  return issue.path === '' ? issue.message[language] : `${issue.path}: ${issue.message[language]}`;
}

/** Parses the text of an instance file and validates it; bad JSON is reported like any other issue. */
export function parseInstanceJson(text: string): InstanceValidation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: { da: `filen er ikke gyldig JSON (${detail})`, en: `the file is not valid JSON (${detail})` },
        },
      ],
    };
  }
  return validateInstance(data);
}

/**
 * Checks the structure with the Zod schema and then the cross-references a schema cannot see:
 * unknown and duplicate ids, empty or reversed windows, dates outside the round, meetings
 * without staff or room, interpreter needs without a language.
 */
export function validateInstance(data: unknown): InstanceValidation {
  const parsed = ZConferenceInstance.safeParse(data);
  if (!parsed.success) {
    const danish = ZConferenceInstance.safeParse(data, { error: z.locales.da().localeError });
    const danishIssues = danish.success ? [] : danish.error.issues;
    return {
      ok: false,
      issues: parsed.error.issues.map((issue, index) => ({
        path: formatPath(issue.path),
        message: { da: danishIssues[index]?.message ?? issue.message, en: issue.message },
      })),
    };
  }
  const issues = findCrossReferenceIssues(parsed.data);
  return issues.length === 0 ? { ok: true, instance: parsed.data } : { ok: false, issues };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function issue(path: string, da: string, en: string): InstanceIssue {
  return { path, message: { da, en } };
}

function findCrossReferenceIssues(instance: TConferenceInstance): InstanceIssue[] {
  const issues: InstanceIssue[] = [];
  const roundDays = new Set<string>();
  instance.days.forEach((day, index) => {
    if (roundDays.has(day))
      issues.push(issue(`days[${index}]`, `datoen "${day}" står to gange`, `the date "${day}" is listed twice`));
    roundDays.add(day);
  });

  const checkUnique = (kind: string, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        issues.push(
          issue(`${kind}[${index}].id`, `id'et "${item.id}" bruges to gange`, `the id "${item.id}" is used twice`),
        );
      }
      seen.add(item.id);
    });
  };
  checkUnique('staff', instance.staff);
  checkUnique('interpreters', instance.interpreters);
  checkUnique('households', instance.households);
  checkUnique('meetings', instance.meetings);

  const checkWindows = (path: string, windows: readonly TAvailabilityWindow[]) => {
    windows.forEach((window, index) => {
      const at = `${path}.available[${index}]`;
      if (!roundDays.has(window.date)) {
        const days = instance.days.join(', ');
        issues.push(
          issue(
            `${at}.date`,
            `"${window.date}" er ikke en dag i runden (${days})`,
            `"${window.date}" is not a day of the round (${days})`,
          ),
        );
      }
      const from = parseClockTime(window.from);
      const to = parseClockTime(window.to);
      if (to < from) {
        issues.push(
          issue(
            at,
            `slutter (${window.to}) før det begynder (${window.from})`,
            `ends (${window.to}) before it starts (${window.from})`,
          ),
        );
      } else if (to === from) {
        issues.push(
          issue(at, `er tomt (begynder og slutter ${window.from})`, `is empty (starts and ends at ${window.from})`),
        );
      }
    });
  };
  instance.staff.forEach((member, index) => {
    checkWindows(`staff[${index}]`, member.available);
    if (member.maxConsecutiveMinutes !== undefined && member.breakMinutes === undefined) {
      issues.push(
        issue(
          `staff[${index}].breakMinutes`,
          'skal angives, når maxConsecutiveMinutes er angivet',
          'is required when maxConsecutiveMinutes is given',
        ),
      );
    }
  });
  instance.interpreters.forEach((interpreter, index) => checkWindows(`interpreters[${index}]`, interpreter.available));
  instance.households.forEach((household, index) => {
    checkWindows(`households[${index}]`, household.available);
    if (household.needsInterpreter && household.language === undefined) {
      issues.push(
        issue(
          `households[${index}].language`,
          'en husstand, der har brug for tolk, skal have et sprog',
          'a household that needs an interpreter must state its language',
        ),
      );
    }
  });

  const staffById = new Map(instance.staff.map((member) => [member.id, member]));
  const householdIds = new Set(instance.households.map((household) => household.id));
  instance.meetings.forEach((meeting, index) => {
    const at = `meetings[${index}]`;
    if (!householdIds.has(meeting.household)) {
      issues.push(
        issue(
          `${at}.household`,
          `ukendt husstands-id "${meeting.household}"`,
          `unknown household id "${meeting.household}"`,
        ),
      );
    }
    if (meeting.staff.length === 0) {
      issues.push(
        issue(`${at}.staff`, 'en samtale skal have mindst én medarbejder', 'a meeting needs at least one staff member'),
      );
    }
    const seen = new Set<string>();
    meeting.staff.forEach((staffId, position) => {
      const member = staffById.get(staffId);
      if (!member) {
        issues.push(
          issue(`${at}.staff[${position}]`, `ukendt medarbejder-id "${staffId}"`, `unknown staff id "${staffId}"`),
        );
      } else if (position === 0 && meeting.format === 'in-person' && member.room === undefined) {
        issues.push(
          issue(
            `${at}.staff[0]`,
            `et fremmøde-møde holdes i den første medarbejders lokale, men "${staffId}" har intet lokale`,
            `an in-person meeting takes place in its first staff member's room, but "${staffId}" has no room`,
          ),
        );
      }
      if (seen.has(staffId)) {
        issues.push(
          issue(
            `${at}.staff[${position}]`,
            `medarbejderen "${staffId}" står to gange`,
            `staff id "${staffId}" appears twice`,
          ),
        );
      }
      seen.add(staffId);
    });
  });
  return issues;
}
