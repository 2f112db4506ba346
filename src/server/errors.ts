import type { ErrorCode } from '../shared/errors.js';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  validation_failed: 400,
  not_signed_in: 401,
  invalid_credentials: 401,
  magic_link_invalid: 400,
  forbidden: 403,
  cross_site_request: 403,
  guardian_suspended: 403,
  round_needs_based_not_allowed: 422,
  round_minutes_missing: 422,
  round_room_unknown_class: 422,
  round_not_draft: 409,
  round_not_open: 409,
  conference_time_outside_round: 422,
  conference_format_not_offered: 422,
  round_class_without_teacher: 422,
  round_counsellor_not_staff: 422,
  conference_time_taken: 409,
  round_not_planned: 422,
  round_not_collecting: 409,
  plan_not_ready: 409,
  round_published: 409,
  conference_move_breaks_rule: 422,
  conference_preparation_band: 422,
  conference_already_held: 409,
  round_not_over: 409,
  student_messages_not_allowed: 403,
  not_found: 404,
  principle_no_adopted: 404,
  unknown_preset: 404,
  principle_no_draft: 409,
  principle_draft_exists: 409,
  principle_adopted_on_future: 400,
  principle_adopted_on_before_current: 400,
  sign_in_locked: 429,
  sign_in_slowed: 429,
  school_name_invalid: 400,
  school_slug_invalid: 400,
  school_slug_taken: 409,
  school_administrator_email_invalid: 400,
  school_administrator_name_invalid: 400,
  rate_limited: 429,
  import_invalid: 422,
  import_empty: 422,
  import_too_large: 413,
  import_too_many_rows: 422,
  oidc_not_configured: 404,
  oidc_failed: 400,
  oidc_no_account: 403,
  information_right_only: 403,
  test_results_told_to_parents: 403,
  information_request_not_needed: 403,
  information_request_handled: 409,
  idempotency_key_reused: 422,
  thread_no_recipient: 409,
  class_no_guardians: 409,
  group_no_guardians: 409,
  closed_day_outside_school_year: 400,
  attachment_missing: 400,
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
  attachment_image_unreadable: 415,
  attachment_document_too_large: 422,
  attachment_document_unreadable: 415,
  attachment_not_available: 422,
  staff_absence_dates: 400,
  staff_absence_too_long: 400,
  staff_absence_in_past: 400,
  staff_absence_overlap: 409,
  staff_absence_not_staff: 400,
  staff_absence_substitute_self: 400,
  staff_absence_substitute_not_staff: 400,
  staff_absence_substitute_absent: 409,
  urgent_staff_only: 403,
  recipient_not_staff: 422,
  student_no_guardians: 409,
};

/** An error the user can act on: it carries a code with a translated message and, for forms, the field. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      field?: string;
      params?: Record<string, string | number>;
      details?: unknown;
      status?: number;
    } = {},
  ) {
    super(code);
    this.status = options.status ?? STATUS_BY_CODE[code] ?? 400;
  }
}
