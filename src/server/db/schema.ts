import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Timestamps come back as Date from both PGlite and node-postgres. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read as ISO strings (see db/database.ts type parsers). */
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<'da' | 'en'>;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  method: 'password' | 'magic-link' | 'oidc';
  user_agent: string | null;
}

export interface MagicLinksTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: Generated<number>;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface SchoolsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  municipality: Generated<string>;
  created_at: Generated<Timestamp>;
}

export interface HouseholdsTable {
  school_id: string;
  id: Generated<string>;
  external_id: string;
  address_line: Generated<string>;
  postal_code: Generated<string>;
  city: Generated<string>;
}

export type PreferredChannel = 'app' | 'email' | 'sms' | 'letter';

export interface PeopleTable {
  school_id: string;
  id: Generated<string>;
  external_id: string;
  user_id: string | null;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  household_id: string | null;
  language: Generated<string>;
  needs_interpreter: Generated<boolean>;
  preferred_channel: Generated<PreferredChannel>;
  address_protected: Generated<boolean>;
  suspended: Generated<boolean>;
  suspended_reason: string | null;
  contact_hours: string | null;
  /** Migration 2026-12-03T1100: the person who is this student, once the student has written. */
  student_id: string | null;
}

export type SchoolRole = 'leader' | 'administrator' | 'teacher' | 'pedagogue' | 'board_member';

export interface PersonRolesTable {
  school_id: string;
  person_id: string;
  role: SchoolRole;
}

export interface ClassesTable {
  school_id: string;
  id: Generated<string>;
  external_id: string;
  grade: number;
  letter: string;
}

export type ClassStaffRole = 'contact_teacher' | 'teacher' | 'pedagogue';

export interface ClassStaffTable {
  school_id: string;
  class_id: string;
  person_id: string;
  role: ClassStaffRole;
}

export interface ClassRepresentativesTable {
  school_id: string;
  class_id: string;
  person_id: string;
  /** Migration 2026-12-04T0940: the school year of the seat, "2026/27"; seats are elected per school year. */
  school_year: Generated<string>;
  /** Migration 2026-12-04T0940: the day of the election; null for a seat the directory import wrote. */
  elected_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 2026-12-04T0940: who recorded the election (the contact teacher or the leadership). */
  elected_by: Generated<string | null>;
  /** Migration 2026-12-04T0940: the day the seat ended before its school year did; null while it holds. */
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StudentsTable {
  school_id: string;
  id: Generated<string>;
  external_id: string;
  user_id: string | null;
  given_name: string;
  family_name: string;
  class_id: string;
  birth_date: DateOnly | null;
  first_language: Generated<string>;
}

export type GuardianshipKind = 'custody' | 'information_right';

export interface GuardianshipsTable {
  school_id: string;
  student_id: string;
  person_id: string;
  kind: GuardianshipKind;
}

export interface InformationRequestsTable {
  school_id: string;
  id: Generated<string>;
  student_id: string;
  person_id: string;
  message: string;
  status: Generated<'open' | 'answered' | 'declined'>;
  response: string | null;
  created_at: Timestamp;
  handled_at: Timestamp | null;
  handled_by: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  school_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_name: string;
  /** The capacity the actor acted in (a `TRole` of src/shared/api/directory.schema.ts); migration 2026-11-23T1830. */
  actor_role: string | null;
  action: string;
  student_id: string | null;
  subject: Generated<string>;
  request_id: string | null;
}

export type PrincipleStatus = 'draft' | 'adopted' | 'superseded';

export interface PrincipleVersionsTable {
  school_id: string;
  id: Generated<string>;
  version: number;
  status: PrincipleStatus;
  content: Json<unknown>;
  based_on_preset: string | null;
  adopted_on: DateOnly | null;
  adopted_by: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  school_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  error: string | null;
  /** Migration 2026-12-03T1530: the files sent with the mail. */
  attachments: ColumnType<MailAttachment[], string | undefined, string>;
}

/** A file sent with an e-mail: a calendar file, as text. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface ImportRunsTable {
  school_id: string;
  id: Generated<string>;
  at: Timestamp;
  by_name: string;
  file_name: string;
  dry_run: boolean;
  summary: Json<unknown>;
}

export type ThreadKind = 'direct' | 'group';
/** A student takes part in their own conversations with the school (migration 2026-12-03T1100). */
export type ThreadParticipantRole = 'guardian' | 'staff' | 'student';
export type MessageKind = 'message' | 'acknowledgement';

/** Migration 2026-11-23T1900: messages with a promise. */
export interface MessageThreadsTable {
  school_id: string;
  id: Generated<string>;
  kind: Generated<ThreadKind>;
  student_id: string | null;
  subject: string;
  created_by: string;
  created_at: Timestamp;
  last_message_at: Timestamp;
  reply_due_at: Timestamp | null;
  promise_fulfilled_at: Timestamp | null;
  promise_fulfilled_by: string | null;
  /** Migration 2026-11-23T1910: the class a group message was sent to. */
  class_id: Generated<string | null>;
  /** Migration 2026-11-23T1910: a guardian's private reply thread points at the group message it answers. */
  parent_thread_id: Generated<string | null>;
  /** Migration 2026-11-23T1920: the subject as a Danish full-text vector, kept by the database. */
  search_vector: ColumnType<string, never, never>;
  /**
   * Migration 2026-11-29T2000: the grade (årgang) a group message was sent to. A group thread has
   * at most one of `class_id` and `grade`; with neither it went to the whole school.
   */
  grade: Generated<number | null>;
  /** Migration 2026-12-04T0940: a class parent representative wrote this group message (or it answers one); answers go to them. */
  representative_id: Generated<string | null>;
}

/** Migration 2026-12-03T0900: each reply promise a thread made, kept or not (the principle's figures). */
export interface ReplyPromisesTable {
  school_id: string;
  id: Generated<string>;
  thread_id: string;
  /** The guardian's message that opened it. */
  opened_at: Timestamp;
  due_at: Timestamp;
  /** The first staff answer or acknowledgement after it opened. */
  kept_at: Timestamp | null;
  kept_by: string | null;
}

export interface ThreadParticipantsTable {
  school_id: string;
  thread_id: string;
  person_id: string;
  role: ThreadParticipantRole;
  last_read_at: Timestamp | null;
}

export interface MessagesTable {
  school_id: string;
  id: Generated<string>;
  thread_id: string;
  author_id: string;
  kind: Generated<MessageKind>;
  body: string;
  created_at: Timestamp;
  idempotency_key: string | null;
  /** Insertion order, for messages written in the same millisecond. */
  seq: Generated<string>;
  /** Migration 2026-11-29T1900: staff marked it urgent (illness, safety); it is announced at once, past digests and quiet hours. */
  urgent: Generated<boolean>;
  /** Migration 2026-11-23T1920: the body as a Danish full-text vector, kept by the database. */
  search_vector: ColumnType<string, never, never>;
}

export interface SchoolClosedDaysTable {
  school_id: string;
  date: DateOnly;
  label: Generated<string>;
}

/** Migration 2026-11-23T1930: background work, claimed with FOR UPDATE SKIP LOCKED. */
export interface JobsTable {
  id: Generated<string>;
  school_id: string | null;
  kind: string;
  payload: Json<Record<string, unknown>>;
  run_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  done_at: Timestamp | null;
  created_at: Timestamp;
  dedupe_key: string | null;
  /** Migration 2026-11-29T1920: set when the job gave up after its last attempt; it is not run again. */
  failed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Migration 2026-11-23T1930: what a person is told in the app (e.g. a reply promise about to fall due). */
export interface NotificationsTable {
  school_id: string;
  id: Generated<string>;
  person_id: string;
  kind: string;
  thread_id: string | null;
  title: string;
  body: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** Migration 2026-11-29T1920: the message announced, so a digest leaves out what was read in the app. */
  message_id: Generated<string | null>;
  /** Migration 2026-11-29T1920: one notice per person and occasion, however often a job retries. */
  dedupe_key: Generated<string | null>;
  /** Migration 2026-12-03T0910: the kind's parameters, to write it in the reader's language (notice-text.ts). */
  params: ColumnType<unknown, string | null | undefined, string | null>;
}

/** Migration 2026-11-29T1920: how one person at one school wants to be notified; no row means the defaults. */
export interface NotificationSettingsTable {
  school_id: string;
  person_id: string;
  /** Guardians: e-mail at once, or the daily digest at 17:00 (the default). */
  mode: 'immediate' | 'digest';
  /** Staff: their own quiet hours, null for none. */
  quiet_hours: ColumnType<{ from: string; to: string; weekends: boolean } | null, string | null, string | null>;
  updated_at: Timestamp;
}

/** Migration 2026-11-29T1930: a file sent with a message; pending (message_id null) until sent, its uploader's alone. */
export interface AttachmentsTable {
  school_id: string;
  id: Generated<string>;
  uploaded_by: string;
  message_id: string | null;
  /** Sniffed from the bytes. */
  content_type: string;
  file_name: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
  seq: Generated<string>;
  /** Migration 2026-12-04T0910: the class letter that carries it (an image in its text or a file); null otherwise. */
  class_letter_id: Generated<string | null>;
}

/** Migration 2026-11-29T1930: a writer's unsent text for one composer target. */
export interface DraftsTable {
  school_id: string;
  person_id: string;
  target_kind: 'new-thread' | 'reply' | 'class-message' | 'staff-thread' | 'parents-message';
  target_id: string;
  subject: string;
  body: string;
  attachment_ids: Json<string[]>;
  updated_at: Timestamp;
}

/** Migration 2026-11-29T1910: a staff member away (both days included), with the colleague who takes their guardian messages. */
export interface StaffAbsencesTable {
  school_id: string;
  id: Generated<string>;
  person_id: string;
  first_day: DateOnly;
  last_day: DateOnly;
  substitute_id: string | null;
  note: Generated<string>;
  /** Who registered it: the person themselves or someone of the leadership. */
  created_by: string | null;
  created_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  magic_links: MagicLinksTable;
  sign_in_throttle: SignInThrottleTable;
  schools: SchoolsTable;
  households: HouseholdsTable;
  people: PeopleTable;
  person_roles: PersonRolesTable;
  classes: ClassesTable;
  class_staff: ClassStaffTable;
  class_representatives: ClassRepresentativesTable;
  students: StudentsTable;
  guardianships: GuardianshipsTable;
  information_requests: InformationRequestsTable;
  audit_log: AuditLogTable;
  principle_versions: PrincipleVersionsTable;
  mail_outbox: MailOutboxTable;
  import_runs: ImportRunsTable;
  message_threads: MessageThreadsTable;
  reply_promises: ReplyPromisesTable;
  thread_participants: ThreadParticipantsTable;
  messages: MessagesTable;
  school_closed_days: SchoolClosedDaysTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  staff_absences: StaffAbsencesTable;
  notification_settings: NotificationSettingsTable;
  attachments: AttachmentsTable;
  drafts: DraftsTable;
  conference_rounds: ConferenceRoundsTable;
  conference_round_classes: ConferenceRoundClassesTable;
  conference_round_days: ConferenceRoundDaysTable;
  calendar_feeds: CalendarFeedsTable;
  conference_invitations: ConferenceInvitationsTable;
  conference_invitation_guardians: ConferenceInvitationGuardiansTable;
  conference_bookings: ConferenceBookingsTable;
  conference_availability: ConferenceAvailabilityTable;
  conference_plans: ConferencePlansTable;
  conference_interpreters: ConferenceInterpretersTable;
  conference_interpreter_times: ConferenceInterpreterTimesTable;
  conference_topics: ConferenceTopicsTable;
  conference_preparations: ConferencePreparationsTable;
  conference_notes: ConferenceNotesTable;
  conference_agreements: ConferenceAgreementsTable;
  student_plans: StudentPlansTable;
  student_plan_subjects: StudentPlanSubjectsTable;
  student_plan_goals: StudentPlanGoalsTable;
  student_plan_comments: StudentPlanCommentsTable;
  student_plan_reads: StudentPlanReadsTable;
  message_book_entries: MessageBookEntriesTable;
  message_book_reads: MessageBookReadsTable;
  test_results: TestResultsTable;
  test_result_deliveries: TestResultDeliveriesTable;
  concerns: ConcernsTable;
  concern_contacts: ConcernContactsTable;
  conference_round_students: ConferenceRoundStudentsTable;
  parent_meetings: ParentMeetingsTable;
  parent_meeting_agenda_items: ParentMeetingAgendaItemsTable;
  parent_meeting_households: ParentMeetingHouseholdsTable;
  events: EventsTable;
  event_sign_ups: EventSignUpsTable;
  event_slots: EventSlotsTable;
  event_slot_takers: EventSlotTakersTable;
  play_group_plans: PlayGroupPlansTable;
  play_group_rounds: PlayGroupRoundsTable;
  play_group_groups: PlayGroupGroupsTable;
  play_group_members: PlayGroupMembersTable;
  play_group_apart_pairs: PlayGroupApartPairsTable;
  play_group_host_declines: PlayGroupHostDeclinesTable;
  class_letters: ClassLettersTable;
  class_letter_reads: ClassLetterReadsTable;
}

/** Migration 2026-12-03T1500: a household's afternoons that suit it, for a planned round. */
export interface ConferenceAvailabilityTable {
  school_id: string;
  invitation_id: string;
  date: DateOnly;
  starts_at: string;
  ends_at: string;
  marked_by: string;
  marked_at: Timestamp;
}

export interface PlanPlacement {
  invitationId: string;
  date: string;
  from: string;
  to: string;
  interpreterId: string | null;
}
export interface PlanUnplaced {
  invitationId: string;
  reason: { da: string; en: string };
}
export interface PlanFigures {
  meetings: number;
  placed: number;
  householdWaiting: number;
  extraDays: number;
}

/** Migration 2026-12-03T1500: the scheduler's plan of a round, until it is published as bookings. */
export interface ConferencePlansTable {
  school_id: string;
  round_id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  requested_by: string;
  requested_at: Timestamp;
  started_at: Timestamp | null;
  ends_by: Timestamp | null;
  finished_at: Timestamp | null;
  instance: ColumnType<unknown, string | null | undefined, string | null>;
  placements: ColumnType<PlanPlacement[], string | undefined, string>;
  unplaced: ColumnType<PlanUnplaced[], string | undefined, string>;
  figures: ColumnType<PlanFigures | null, string | null | undefined, string | null>;
  published_at: Timestamp | null;
}

/** Migration 2026-12-03T1500: the school's interpreters, by language. */
export interface ConferenceInterpretersTable {
  school_id: string;
  id: Generated<string>;
  name: string;
  languages: Json<string[]>;
  created_at: Timestamp;
}

export interface ConferenceInterpreterTimesTable {
  school_id: string;
  round_id: string;
  interpreter_id: string;
  date: DateOnly;
  starts_at: string;
  ends_at: string;
}

/** Migration 2026-12-03T1510: preparing, holding and following up a conference. */
export interface ConferenceTopicsTable {
  school_id: string;
  id: Generated<string>;
  invitation_id: string;
  raised_by: 'guardian' | 'student' | 'staff';
  user_id: string;
  text: string;
  created_at: Timestamp;
}

export interface ConferencePreparationsTable {
  school_id: string;
  invitation_id: string;
  band: 'smileys' | 'prompts' | 'goals';
  answers: Json<Record<string, unknown>>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ConferenceNotesTable {
  school_id: string;
  id: Generated<string>;
  invitation_id: string;
  text: string;
  shared: boolean;
  written_by: string;
  created_at: Timestamp;
}

export interface ConferenceAgreementsTable {
  school_id: string;
  id: Generated<string>;
  student_id: string;
  invitation_id: string;
  owner: 'school' | 'home' | 'student';
  text: string;
  due_on: DateOnly;
  created_by: string;
  created_at: Timestamp;
  done_at: Timestamp | null;
  done_by: string | null;
  /** Migration 2026-12-03T2000: the student plan's goal it attaches to. */
  goal_id: Generated<string | null>;
}

/** Migration 2026-12-03T1400: invitations to a conference round and its bookings. */
export interface ConferenceInvitationsTable {
  school_id: string;
  id: Generated<string>;
  round_id: string;
  student_id: string;
  class_id: string;
  household_key: string;
  created_at: Timestamp;
  /** Migration 2026-12-03T1520: this home asks for one joint meeting with the child's other home. */
  wants_joint_meeting: Generated<boolean>;
  /** Migration 2026-12-03T1510: when staff marked the conference held. */
  held_at: Timestamp | null;
  held_by: string | null;
  /** Migration 2026-12-03T1540: how the home holds the meeting, among the round's formats; null until it chooses. */
  format: Generated<'in_person' | 'phone' | 'video' | null>;
}

export interface ConferenceInvitationGuardiansTable {
  school_id: string;
  invitation_id: string;
  person_id: string;
}

export interface ConferenceBookingsTable {
  school_id: string;
  id: Generated<string>;
  round_id: string;
  invitation_id: string;
  class_id: string;
  date: DateOnly;
  starts_at: string;
  ends_at: string;
  booked_by: string;
  created_at: Timestamp;
  cancelled_at: Timestamp | null;
  /** Migration 2026-12-03T1520: the other home's meeting this booking joins (same time, one meeting). */
  joins_booking_id: string | null;
}

/** Migration 2026-12-03T1300: each user's private calendar feed. */
export interface CalendarFeedsTable {
  user_id: string;
  token: string;
  created_at: Timestamp;
}

/** Migration 2026-12-03T1200: conference rounds (issue 10). */
export interface ConferenceRoundsTable {
  school_id: string;
  id: Generated<string>;
  name: string;
  kind: 'regular' | 'needs_based';
  status: Generated<'draft' | 'open' | 'planning' | 'published' | 'finished'>;
  minutes_by_grade: Json<Record<string, number>>;
  also_taking_part: Json<Array<'teacher' | 'pedagogue' | 'counsellor'>>;
  formats: Json<Array<'in_person' | 'phone' | 'video'>>;
  video_link: string | null;
  invite_on: DateOnly;
  plans_by: DateOnly | null;
  created_by: string;
  created_at: Timestamp;
  idempotency_key: string | null;
  /** Migration 2026-12-03T1500: self-booking by the homes, or planned by the scheduler. */
  filling: Generated<'self_booking' | 'planned'>;
  /** Migration 2026-12-03T1550: the staff member who takes part in every meeting as counsellor. */
  counsellor_id: Generated<string | null>;
}

export interface ConferenceRoundClassesTable {
  school_id: string;
  round_id: string;
  class_id: string;
  room: string | null;
}

export interface ConferenceRoundDaysTable {
  school_id: string;
  round_id: string;
  date: DateOnly;
  starts_at: string;
  ends_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type PersonRow = Selectable<PeopleTable>;
export type StudentRow = Selectable<StudentsTable>;
export type NewPerson = Insertable<PeopleTable>;

/** Migration 2026-12-03T2000: the student plan (elevplan), one per student and school year. */
export interface StudentPlansTable {
  school_id: string;
  id: Generated<string>;
  student_id: string;
  school_year: number;
  status: Generated<'draft' | 'published'>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
  published_by: string | null;
}

export interface StudentPlanSubjectsTable {
  school_id: string;
  id: Generated<string>;
  plan_id: string;
  subject: string;
  status: string;
  written_by: string;
  written_at: Timestamp;
}

export interface StudentPlanGoalsTable {
  school_id: string;
  id: Generated<string>;
  plan_id: string;
  kind: 'academic' | 'social';
  position: number;
  text: string;
  school_support: string;
  home_support: string;
  student_support: string;
  carried_from: string | null;
  review: 'reached' | 'partly' | 'continue' | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
}

export interface StudentPlanCommentsTable {
  school_id: string;
  id: Generated<string>;
  plan_id: string;
  goal_id: string | null;
  written_by_role: 'staff' | 'student';
  user_id: string;
  text: string;
  created_at: Timestamp;
}

export interface StudentPlanReadsTable {
  school_id: string;
  plan_id: string;
  person_id: string;
  read_at: Timestamp;
}

/** Migration 2026-12-03T2000: the message book (meddelelsesbog), the principle's alternative to the plan. */
export interface MessageBookEntriesTable {
  school_id: string;
  id: Generated<string>;
  student_id: string;
  progress: string;
  well_being: string;
  written_by: string;
  created_at: Timestamp;
  idempotency_key: string | null;
}

export interface MessageBookReadsTable {
  school_id: string;
  entry_id: string;
  person_id: string;
  read_at: Timestamp;
}

/** Migration 2026-12-03T2010: a student's test result, told to the home in writing (§ 13). */
export interface TestResultsTable {
  school_id: string;
  id: Generated<string>;
  student_id: string;
  kind: 'national' | 'local';
  test_name: string;
  taken_on: DateOnly;
  result: string;
  meaning: string;
  next_steps: string;
  recorded_by: string;
  recorded_at: Timestamp;
  sent_at: Timestamp | null;
  sent_by: string | null;
  idempotency_key: string | null;
}

/** Migration 2026-12-03T2010: one custody holder told a test result in writing, and when they read it. */
export interface TestResultDeliveriesTable {
  school_id: string;
  test_result_id: string;
  person_id: string;
  emailed: boolean;
  delivered_at: Timestamp;
  read_at: Timestamp | null;
}

/** Migration 2026-12-03T2020: concerns about a student and the contacts with the home they led to. */
export interface ConcernsTable {
  school_id: string;
  id: Generated<string>;
  student_id: string;
  kind: 'academic' | 'well_being' | 'behaviour';
  text: string;
  registered_by: string;
  registered_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
  close_note: string | null;
  round_id: string | null;
  idempotency_key: string | null;
}

export interface ConcernContactsTable {
  school_id: string;
  id: Generated<string>;
  concern_id: string;
  contacted_on: DateOnly;
  channel: 'phone' | 'meeting';
  agreed: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** Migration 2026-12-03T2100: the students a needs-based conference round is for. */
export interface ConferenceRoundStudentsTable {
  school_id: string;
  round_id: string;
  student_id: string;
}

/** Migration 2026-12-04T0920: parent meetings of a class, their agenda and the invited households. */
export interface ParentMeetingsTable {
  school_id: string;
  id: Generated<string>;
  class_id: string;
  date: DateOnly;
  /** "HH:MM", Copenhagen wall clock. */
  starts_at: string;
  ends_at: string;
  place: string;
  created_by: string;
  created_at: Timestamp;
  idempotency_key: string | null;
  /** Raised on every change of time or place, for the calendar file's SEQUENCE. */
  sequence: Generated<number>;
  invited_at: Timestamp | null;
  invited_by: string | null;
  /** When staff took attendance. */
  held_at: Timestamp | null;
  minutes: string | null;
  minutes_published_at: Timestamp | null;
  minutes_published_by: string | null;
}

export interface ParentMeetingAgendaItemsTable {
  school_id: string;
  id: Generated<string>;
  meeting_id: string;
  title: string;
  topic: string | null;
  added_by: string;
  added_at: Timestamp;
  position: Generated<number>;
}

export interface ParentMeetingHouseholdsTable {
  school_id: string;
  meeting_id: string;
  household_key: string;
  invited_at: Timestamp;
  coming: boolean | null;
  people_coming: Generated<number>;
  answered_by: string | null;
  answered_at: Timestamp | null;
  represented: boolean | null;
}

/** Migration 2026-12-04T0930: an event of the school (class_id null) or of one class. */
export interface EventsTable {
  school_id: string;
  id: Generated<string>;
  class_id: string | null;
  title: string;
  description: string;
  date: DateOnly;
  /** Copenhagen wall-clock time, HH:MM. */
  starts_at: string;
  ends_at: string;
  place: string;
  well_being: boolean;
  sign_up: boolean;
  sign_up_deadline: DateOnly | null;
  capacity: number | null;
  created_by: string;
  created_at: Timestamp;
  idempotency_key: string | null;
  /** Migration 2026-12-04T1010: the last day of an event of several days (after `date`); null for one day. */
  end_date: DateOnly | null;
  /** Migration 2026-12-04T1010: the iCalendar SEQUENCE, raised by every change a calendar shows and by cancelling. */
  sequence: Generated<number>;
  /** Migration 2026-12-04T1010: set when the event was cancelled; the row, its answers and slots stay. */
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

/** Migration 2026-12-04T0930: a household's answer to an event. */
export interface EventSignUpsTable {
  school_id: string;
  event_id: string;
  household_key: string;
  attending: boolean;
  adults: number;
  children: number;
  answered_by: string;
  answered_at: Timestamp;
}

/** Migration 2026-12-04T0930: a volunteer slot of an event, with how many households it needs and has. */
export interface EventSlotsTable {
  school_id: string;
  id: Generated<string>;
  event_id: string;
  position: number;
  title: string;
  needed: number;
  taken: Generated<number>;
}

/** Migration 2026-12-04T0930: a household that took a volunteer slot. */
export interface EventSlotTakersTable {
  school_id: string;
  slot_id: string;
  household_key: string;
  taken_by: string;
  taken_at: Timestamp;
}

/** Migration 2026-12-04T0950: a class's play groups, the settings of its latest generation. */
export interface PlayGroupPlansTable {
  school_id: string;
  class_id: string;
  group_size: number;
  seed: number;
  generated_by: string;
  generated_at: Timestamp;
  idempotency_key: string | null;
}

export interface PlayGroupRoundsTable {
  school_id: string;
  id: Generated<string>;
  class_id: string;
  meets_on: DateOnly;
}

export interface PlayGroupGroupsTable {
  school_id: string;
  id: Generated<string>;
  round_id: string;
  number: number;
}

export interface PlayGroupMembersTable {
  school_id: string;
  round_id: string;
  group_id: string;
  student_id: string;
  /** The group meets in this child's home. */
  hosts: Generated<boolean>;
}

/** Two children the staff keep apart; the reason is for the staff only. */
export interface PlayGroupApartPairsTable {
  school_id: string;
  id: Generated<string>;
  class_id: string;
  student_a: string;
  student_b: string;
  reason: string;
  created_by: string;
  created_at: Timestamp;
}

/** A child's home does not host play groups (declined by a custody holder). */
export interface PlayGroupHostDeclinesTable {
  school_id: string;
  student_id: string;
  declined_by: string;
  declined_at: Timestamp;
}

/** Migration 2026-12-04T0910: a class's letters and posts to its homes (issue 12). */
export interface ClassLettersTable {
  school_id: string;
  id: Generated<string>;
  class_id: string;
  title: string;
  /** Sanitised on the server before it is stored (class-letters/letter-html.ts). */
  body_html: string;
  status: 'draft' | 'scheduled' | 'published' | 'cancelled';
  publish_at: Timestamp | null;
  published_at: Timestamp | null;
  written_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  idempotency_key: string | null;
}

/** A guardian's or student's first opening of a published class letter. */
export interface ClassLetterReadsTable {
  school_id: string;
  letter_id: string;
  person_id: string;
  read_at: Timestamp;
}
