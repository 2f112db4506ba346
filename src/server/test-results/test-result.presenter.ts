import { className } from '../../shared/api/directory.schema.js';
import type { TTestResult } from '../../shared/api/test-result.schema.js';
import type { DeliveryRow, TestResultRow } from './test-result.repository.js';

const fullName = (given: string, family: string) => `${given} ${family}`.trim();

/**
 * A result as its reader may see it: staff with every custody holder's delivery and read state,
 * a guardian with their own read state, the student with neither.
 */
export function presentTestResult(
  r: TestResultRow,
  view: { deliveries: DeliveryRow[] | null; readAt: Date | null; maySend: boolean },
): TTestResult {
  return {
    id: r.id,
    student: {
      id: r.student_id,
      name: fullName(r.student_given_name, r.student_family_name),
      class: { id: r.class_id, name: className(r.grade, r.letter), grade: r.grade },
    },
    kind: r.kind,
    testName: r.test_name,
    takenOn: r.taken_on,
    result: r.result,
    meaning: r.meaning,
    nextSteps: r.next_steps,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: { name: fullName(r.recorder_given_name, r.recorder_family_name) },
    sentAt: r.sent_at?.toISOString() ?? null,
    deliveries:
      view.deliveries?.map((d) => ({
        name: fullName(d.given_name, d.family_name),
        deliveredAt: d.delivered_at.toISOString(),
        readAt: d.read_at?.toISOString() ?? null,
        emailed: d.emailed,
        onPaper: !d.emailed && !d.has_login,
      })) ?? null,
    readAt: view.readAt?.toISOString() ?? null,
    maySend: view.maySend,
  };
}
