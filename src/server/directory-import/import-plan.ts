import type { ClassStaffRole, GuardianshipKind, PreferredChannel, SchoolRole } from '../db/schema.js';
import type {
  TEntityCounts,
  TImportCounts,
  TImportIssueCode,
  TImportRowType,
  TImportWarningCode,
} from '../../shared/api/import.schema.js';
import {
  classRoleOfStaff,
  COLUMNS_OF_TYPE,
  gradeAndLetterOfClassId,
  isClassLetter,
  isEmail,
  MAX_CELL_LENGTH,
  parseBoolean,
  parseChannel,
  parseDate,
  parseKind,
  parseLanguage,
  parseRole,
  parseRowType,
  REQUIRED_OF_TYPE,
  splitList,
  type Column,
  type ColumnHeaders,
  type ImportRow,
} from './import-format.js';
import type { RawIssue } from './import-parse.js';

// ---------------------------------------------------------------- what the school has now

export interface PersonValues {
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  language: string;
  needs_interpreter: boolean;
  preferred_channel: PreferredChannel;
  address_protected: boolean;
  suspended: boolean;
  suspended_reason: string | null;
  contact_hours: string | null;
}

export interface StudentValues {
  given_name: string;
  family_name: string;
  birth_date: string | null;
  first_language: string;
}

export interface HouseholdAddress {
  address_line: string;
  postal_code: string;
  city: string;
}

/**
 * The school's directory as it stands, keyed by the school's own (external) ids. External ids
 * are per school: only this school's records are in here, so an id that exists at another
 * school is simply unknown.
 */
export interface DirectorySnapshot {
  classes: Map<string, { id: string; grade: number; letter: string }>;
  households: Map<string, { id: string; address: HouseholdAddress }>;
  people: Map<
    string,
    {
      id: string;
      values: PersonValues;
      household: string | null;
      userId: string | null;
      roles: ReadonlySet<SchoolRole>;
      /** class external id → role */
      classStaff: ReadonlyMap<string, ClassStaffRole>;
      representativeOf: ReadonlySet<string>;
    }
  >;
  students: Map<
    string,
    {
      id: string;
      values: StudentValues;
      classExternalId: string;
      userId: string | null;
      /** person external id → relation */
      guardians: ReadonlyMap<string, GuardianshipKind>;
    }
  >;
  /** lower(email) → user id, for the e-mail addresses in the file. */
  usersByEmail: Map<string, string>;
}

export const emptySnapshot = (): DirectorySnapshot => ({
  classes: new Map(),
  households: new Map(),
  people: new Map(),
  students: new Map(),
  usersByEmail: new Map(),
});

// ---------------------------------------------------------------- what the file asks for

export type Status = 'create' | 'update' | 'unchanged';

export interface PlannedClass {
  externalId: string;
  grade: number;
  letter: string;
  status: Status;
}
export interface PlannedHousehold {
  externalId: string;
  address?: HouseholdAddress;
  status: Status;
}

export interface PlannedPerson {
  externalId: string;
  type: 'guardian' | 'staff';
  /** Only the columns the file has: a column left out of the file leaves that field as it is. */
  values: Partial<PersonValues>;
  /** Household external id; null clears it, undefined leaves it. */
  household?: string | null;
  /** lower-cased sign-in address; undefined leaves the login as it is. */
  loginEmail?: string;
  /** Staff rows set all roles; guardian rows set only whether the person sits on the board. */
  roles?: { scope: 'all' | 'board'; roles: SchoolRole[] };
  classStaff?: Map<string, ClassStaffRole>;
  representativeOf?: string[];
  status: Status;
  rolesChanged: boolean;
  classStaffChanged: boolean;
  representativesChanged: boolean;
}

export interface PlannedStudent {
  externalId: string;
  values: Partial<StudentValues>;
  classExternalId: string;
  loginEmail?: string;
  status: Status;
}

export interface PlannedRelation {
  studentExternalId: string;
  personExternalId: string;
  kind: GuardianshipKind;
  status: Status;
}

export interface ImportPlan {
  classes: PlannedClass[];
  households: PlannedHousehold[];
  people: PlannedPerson[];
  students: PlannedStudent[];
  relations: PlannedRelation[];
  removedRelations: { studentExternalId: string; personExternalId: string }[];
  /** Logins to create: e-mail addresses without a user yet. */
  newUsers: { email: string; name: string; locale: 'da' | 'en' }[];
  counts: TImportCounts;
}

export interface PlanIssue {
  line: number;
  column?: Column;
  header?: string;
  code: TImportIssueCode;
  params?: Record<string, string | number>;
}

export interface PlanWarning {
  line?: number;
  code: TImportWarningCode;
  params: Record<string, string | number>;
}

export interface PlanOutcome {
  issues: PlanIssue[];
  warnings: PlanWarning[];
  plan: ImportPlan;
}

const className = (grade: number, letter: string) => `${grade}.${letter}`;

const emptyPlan = (): ImportPlan => ({
  classes: [],
  households: [],
  people: [],
  students: [],
  relations: [],
  removedRelations: [],
  newUsers: [],
  counts: {
    classes: counts(),
    students: counts(),
    guardians: counts(),
    staff: counts(),
    households: counts(),
    relations: { ...counts(), removed: 0 },
    usersCreated: 0,
  },
});

const sameSet = <T>(a: Iterable<T>, b: Iterable<T>) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};
const sameMap = <K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
const sameValues = <T extends object>(planned: Partial<T>, existing: T) =>
  (Object.keys(planned) as (keyof T)[]).every((key) => planned[key] === existing[key]);

const counts = (): TEntityCounts => ({ created: 0, updated: 0, unchanged: 0 });
const tally = (c: TEntityCounts, status: Status) => {
  if (status === 'create') c.created++;
  else if (status === 'update') c.updated++;
  else c.unchanged++;
};

/**
 * Checks every row of a file against the rules and against the school's directory, and works out
 * what applying it would change. Every problem is collected, not just the first, so a person can
 * fix a whole file in one go; any issue means nothing may be written.
 */
export function planImport(
  input: { headers: ColumnHeaders; rows: ImportRow[]; rawIssues?: RawIssue[] },
  snapshot: DirectorySnapshot,
): PlanOutcome {
  const { headers, rows } = input;
  const issues: PlanIssue[] = [...(input.rawIssues ?? [])];
  const warnings: PlanWarning[] = [];
  const has = (column: Column) => headers[column] !== undefined;
  const issue = (
    line: number,
    column: Column | undefined,
    code: TImportIssueCode,
    params?: Record<string, string | number>,
  ) => issues.push({ line, column, code, ...(params ? { params } : {}) });

  if (!has('type')) {
    // Without types no row can be read; one issue says so instead of one per row.
    issue(1, 'type', 'missing_type_column');
    return { issues, warnings, plan: emptyPlan() };
  }

  // First pass: each row's type, and the ids the file defines, so that references can point
  // forwards (a relation may come before its student) and a bad row does not make its
  // dependants look unknown too.
  const typed: { row: ImportRow; type: TImportRowType }[] = [];
  const classLines = new Map<string, number>();
  const studentLines = new Map<string, number>();
  const personLines = new Map<string, number>();
  const typesSeen = new Set<TImportRowType>();
  for (const row of rows) {
    const raw = row.values.type ?? '';
    const type = parseRowType(raw);
    if (!type) {
      issue(
        row.line,
        'type',
        raw.trim() === '' ? 'required' : 'unknown_type',
        raw.trim() === '' ? undefined : { value: raw },
      );
      continue;
    }
    typesSeen.add(type);
    typed.push({ row, type });
    const id = row.values.id ?? '';
    if (type === 'relation' || id === '') continue;
    const lines = type === 'class' ? classLines : type === 'student' ? studentLines : personLines;
    const first = lines.get(id);
    if (first !== undefined) issue(row.line, 'id', 'duplicate_id', { value: id, otherLine: first });
    else lines.set(id, row.line);
  }

  const missingColumns = new Set<Column>();
  for (const type of typesSeen) {
    for (const column of REQUIRED_OF_TYPE[type]) {
      if (!has(column) && !missingColumns.has(column)) {
        missingColumns.add(column);
        issue(1, column, 'missing_column', { column, type });
      }
    }
  }

  const classExists = (id: string) => classLines.has(id) || snapshot.classes.has(id);
  const studentExists = (id: string) => studentLines.has(id) || snapshot.students.has(id);
  const personExists = (id: string) => personLines.has(id) || snapshot.people.has(id);

  // Who signs in with which user today, to refuse an address that is someone else's login.
  const holderOfUser = new Map<string, { kind: 'person' | 'student'; externalId: string }>();
  for (const [externalId, p] of snapshot.people)
    if (p.userId) holderOfUser.set(p.userId, { kind: 'person', externalId });
  for (const [externalId, s] of snapshot.students)
    if (s.userId) holderOfUser.set(s.userId, { kind: 'student', externalId });
  const emailLines = new Map<string, number>();

  const plan = emptyPlan();
  const classNameLines = new Map<string, { line: number; id: string }>();
  const householdsInFile = new Map<string, { line: number; addressColumns: boolean; address?: HouseholdAddress }>();
  const relationLines = new Map<string, number>();
  const relationsByStudent = new Map<string, Map<string, GuardianshipKind>>();
  const newUserEmails = new Map<string, { email: string; name: string; locale: 'da' | 'en' }>();

  for (const { row, type } of typed) {
    const { line } = row;
    const cell = (column: Column) => (row.values[column] ?? '').trim();
    const text = (column: Column): string => {
      const value = cell(column);
      if (value.length > MAX_CELL_LENGTH) issue(line, column, 'too_long', { max: MAX_CELL_LENGTH });
      return value;
    };
    const required = (column: Column): string => {
      const value = text(column);
      if (value === '' && has(column)) issue(line, column, 'required');
      return value;
    };
    const optional = (column: Column) => {
      const value = text(column);
      return value === '' ? null : value;
    };
    const classList = (column: Column): string[] => {
      const ids = [...new Set(splitList(cell(column)))];
      for (const id of ids) if (!classExists(id)) issue(line, column, 'unknown_class', { value: id });
      return ids;
    };
    const login = (
      column: Column,
      self: { kind: 'person' | 'student'; externalId: string },
      name: string,
      language: string,
    ): string | undefined => {
      if (!has(column)) return undefined;
      const value = cell(column);
      if (value === '') return undefined;
      if (!isEmail(value)) {
        issue(line, column, 'invalid_email', { value });
        return undefined;
      }
      const email = value.toLowerCase();
      const first = emailLines.get(email);
      if (first !== undefined) issue(line, column, 'duplicate_email', { value, otherLine: first });
      else emailLines.set(email, line);
      const userId = snapshot.usersByEmail.get(email);
      const holder = userId ? holderOfUser.get(userId) : undefined;
      if (holder && (holder.kind !== self.kind || holder.externalId !== self.externalId)) {
        issue(line, column, 'email_in_use', { value, otherId: holder.externalId });
      }
      if (!userId && !newUserEmails.has(email))
        newUserEmails.set(email, { email: value, name, locale: language === 'en' ? 'en' : 'da' });
      return email;
    };
    const bool = (column: Column): boolean => {
      const value = parseBoolean(cell(column));
      if (value === undefined) issue(line, column, 'invalid_boolean', { value: cell(column) });
      return value ?? false;
    };
    const language = (column: Column): string => {
      const value = parseLanguage(cell(column));
      if (value === undefined) issue(line, column, 'invalid_language', { value: cell(column) });
      return value ?? 'da';
    };

    if (type === 'class') {
      const id = required('id');
      const fromId = gradeAndLetterOfClassId(id);
      let grade = fromId?.grade;
      let letter = fromId?.letter;
      if (cell('grade') !== '') {
        grade = /^\d{1,2}$/.test(cell('grade')) && Number(cell('grade')) <= 10 ? Number(cell('grade')) : undefined;
        if (grade === undefined) issue(line, 'grade', 'invalid_grade', { value: cell('grade') });
      } else if (grade === undefined) issue(line, 'grade', 'required');
      if (cell('letter') !== '') {
        letter = isClassLetter(cell('letter')) ? cell('letter').toUpperCase() : undefined;
        if (letter === undefined) issue(line, 'letter', 'invalid_letter', { value: cell('letter') });
      } else if (letter === undefined) issue(line, 'letter', 'required');
      if (id === '' || grade === undefined || letter === undefined) continue;
      const name = className(grade, letter);
      const sameName = classNameLines.get(name);
      if (sameName && sameName.id !== id) issue(line, 'id', 'duplicate_class_name', { name, otherLine: sameName.line });
      classNameLines.set(name, { line, id });
      for (const [otherId, other] of snapshot.classes) {
        if (otherId === id || other.grade !== grade || other.letter !== letter) continue;
        // The other class keeps the name unless the file moves it elsewhere.
        const movedAway = rows.some(
          (r) => parseRowType(r.values.type ?? '') === 'class' && r.values.id === otherId && r !== row,
        );
        if (!movedAway) issue(line, 'id', 'class_name_taken', { name, otherId });
      }
      const existing = snapshot.classes.get(id);
      const status: Status = !existing
        ? 'create'
        : existing.grade === grade && existing.letter === letter
          ? 'unchanged'
          : 'update';
      plan.classes.push({ externalId: id, grade, letter, status });
      continue;
    }

    if (type === 'student') {
      const id = required('id');
      const values: Partial<StudentValues> = {
        given_name: required('given_name'),
        family_name: required('family_name'),
      };
      const classId = required('class');
      if (classId !== '' && !classExists(classId)) issue(line, 'class', 'unknown_class', { value: classId });
      if (has('birth_date')) {
        const raw = cell('birth_date');
        const date = raw === '' ? null : parseDate(raw);
        if (date === undefined) issue(line, 'birth_date', 'invalid_date', { value: raw });
        values.birth_date = date ?? null;
      }
      if (has('language')) values.first_language = language('language');
      const loginEmail = login(
        'email',
        { kind: 'student', externalId: id },
        `${values.given_name} ${values.family_name}`,
        values.first_language ?? 'da',
      );
      if (id === '') continue;
      const existing = snapshot.students.get(id);
      const loginChanges =
        loginEmail !== undefined && (!existing?.userId || snapshot.usersByEmail.get(loginEmail) !== existing.userId);
      const status: Status = !existing
        ? 'create'
        : sameValues(values, existing.values) && existing.classExternalId === classId && !loginChanges
          ? 'unchanged'
          : 'update';
      plan.students.push({ externalId: id, values, classExternalId: classId, loginEmail, status });
      continue;
    }

    if (type === 'relation') {
      const studentId = required('student');
      const personId = required('guardian');
      const rawKind = required('kind');
      const kind = rawKind === '' ? undefined : parseKind(rawKind);
      if (rawKind !== '' && !kind) issue(line, 'kind', 'invalid_kind', { value: rawKind });
      if (studentId !== '' && !studentExists(studentId))
        issue(line, 'student', 'unknown_student', { value: studentId });
      if (personId !== '' && !personExists(personId)) issue(line, 'guardian', 'unknown_guardian', { value: personId });
      if (studentId === '' || personId === '' || !kind) continue;
      const key = `${studentId}\u0000${personId}`;
      const first = relationLines.get(key);
      if (first !== undefined) {
        issue(line, 'guardian', 'duplicate_relation', { otherLine: first });
        continue;
      }
      relationLines.set(key, line);
      const byStudent = relationsByStudent.get(studentId) ?? new Map<string, GuardianshipKind>();
      byStudent.set(personId, kind);
      relationsByStudent.set(studentId, byStudent);
      const existing = snapshot.students.get(studentId)?.guardians.get(personId);
      plan.relations.push({
        studentExternalId: studentId,
        personExternalId: personId,
        kind,
        status: !existing ? 'create' : existing === kind ? 'unchanged' : 'update',
      });
      continue;
    }

    // guardian or staff: both are people of the school, in one id space.
    const id = required('id');
    const values: Partial<PersonValues> = { given_name: required('given_name'), family_name: required('family_name') };
    const used = (column: Column) => has(column) && COLUMNS_OF_TYPE[type].includes(column);
    if (used('email')) values.email = optional('email');
    if (used('phone')) values.phone = optional('phone');
    if (used('contact_hours')) values.contact_hours = optional('contact_hours');
    if (used('language')) values.language = language('language');
    if (used('interpreter')) values.needs_interpreter = bool('interpreter');
    if (used('channel')) {
      const raw = cell('channel');
      const channel = raw === '' ? 'app' : parseChannel(raw);
      if (!channel) issue(line, 'channel', 'invalid_channel', { value: raw });
      values.preferred_channel = channel ?? 'app';
    }
    if (used('address_protected')) values.address_protected = bool('address_protected');
    if (used('suspended')) {
      values.suspended = bool('suspended');
      // Stopping a guardian's access is a serious step; the reason is kept with it.
      const reason = optional('suspended_reason');
      if (values.suspended && reason === null) issue(line, 'suspended_reason', 'required');
      values.suspended_reason = values.suspended ? reason : null;
    }
    const loginEmail = login(
      'email',
      { kind: 'person', externalId: id },
      `${values.given_name} ${values.family_name}`,
      values.language ?? 'da',
    );

    let roles: PlannedPerson['roles'];
    if (used('roles')) {
      const parsed: SchoolRole[] = [];
      for (const value of splitList(cell('roles'))) {
        const role = parseRole(value);
        if (!role) issue(line, 'roles', 'unknown_role', { value });
        else if (type === 'guardian' && role !== 'board_member')
          issue(line, 'roles', 'role_not_for_guardian', { value });
        else if (!parsed.includes(role)) parsed.push(role);
      }
      if (type === 'staff' && parsed.length === 0 && cell('roles') === '') issue(line, 'roles', 'required');
      roles = { scope: type === 'staff' ? 'all' : 'board', roles: parsed };
    }

    let household: string | null | undefined;
    if (type === 'guardian') {
      const addressColumns = has('address') || has('postal_code') || has('city');
      const address = { address_line: text('address'), postal_code: text('postal_code'), city: text('city') };
      const hasAddress = address.address_line !== '' || address.postal_code !== '' || address.city !== '';
      // A guardian with an address but no household id lives alone: their own household.
      household =
        cell('household') !== ''
          ? text('household')
          : hasAddress && id !== ''
            ? `hh-${id}`
            : has('household')
              ? null
              : undefined;
      if (household) {
        const seen = householdsInFile.get(household) ?? { line, addressColumns };
        householdsInFile.set(household, seen);
        if (hasAddress && !seen.address) Object.assign(seen, { address, line });
        else if (hasAddress && seen.address && !sameValues(address, seen.address)) {
          issue(line, 'address', 'household_conflict', { value: household, otherLine: seen.line });
        }
      }
    }

    let classStaff: Map<string, ClassStaffRole> | undefined;
    if (type === 'staff' && (has('class') || has('contact_teacher_for'))) {
      classStaff = new Map();
      const role = classRoleOfStaff(roles?.roles ?? []);
      for (const classId of classList('class')) classStaff.set(classId, role);
      for (const classId of classList('contact_teacher_for')) classStaff.set(classId, 'contact_teacher');
    }
    const representativeOf =
      type === 'guardian' && has('representative_for') ? classList('representative_for') : undefined;

    if (id === '') continue;
    const existing = snapshot.people.get(id);
    const rolesChanged =
      roles !== undefined &&
      (roles.scope === 'all'
        ? !existing || !sameSet(existing.roles, roles.roles)
        : (existing?.roles.has('board_member') ?? false) !== roles.roles.includes('board_member'));
    const classStaffChanged =
      classStaff !== undefined && (!existing ? classStaff.size > 0 : !sameMap(existing.classStaff, classStaff));
    const representativesChanged =
      representativeOf !== undefined &&
      (!existing ? representativeOf.length > 0 : !sameSet(existing.representativeOf, representativeOf));
    const loginChanges =
      loginEmail !== undefined && (!existing?.userId || snapshot.usersByEmail.get(loginEmail) !== existing.userId);
    const status: Status = !existing
      ? 'create'
      : sameValues(values, existing.values) &&
          (household === undefined || household === existing.household) &&
          !loginChanges &&
          !rolesChanged &&
          !classStaffChanged &&
          !representativesChanged
        ? 'unchanged'
        : 'update';
    plan.people.push({
      externalId: id,
      type,
      values,
      household,
      loginEmail,
      roles,
      classStaff,
      representativeOf,
      status,
      rolesChanged,
      classStaffChanged,
      representativesChanged,
    });
  }

  for (const [externalId, seen] of householdsInFile) {
    // Without address columns the household keeps its address; with them, empty cells clear it.
    const address = seen.address ?? (seen.addressColumns ? { address_line: '', postal_code: '', city: '' } : undefined);
    const existing = snapshot.households.get(externalId);
    const status: Status = !existing
      ? 'create'
      : !address || sameValues(address, existing.address)
        ? 'unchanged'
        : 'update';
    plan.households.push({ externalId, address, status });
  }

  // For a student with both a student row and relation rows in the file, those relations are all
  // of them: ones the school has that the file no longer lists are removed (custody that has
  // ended must not linger). A relation row for a student the file does not list only adds.
  for (const [studentId, listed] of relationsByStudent) {
    if (!studentLines.has(studentId)) continue;
    for (const personId of snapshot.students.get(studentId)?.guardians.keys() ?? []) {
      if (!listed.has(personId))
        plan.removedRelations.push({ studentExternalId: studentId, personExternalId: personId });
    }
  }
  plan.newUsers = [...newUserEmails.values()];

  const c = plan.counts;
  for (const x of plan.classes) tally(c.classes, x.status);
  for (const x of plan.students) tally(c.students, x.status);
  for (const x of plan.people) tally(x.type === 'guardian' ? c.guardians : c.staff, x.status);
  for (const x of plan.households) tally(c.households, x.status);
  for (const x of plan.relations) tally(c.relations, x.status);
  c.relations.removed = plan.removedRelations.length;
  c.usersCreated = plan.newUsers.length;

  // A loop, not push(...list): spreading a list as arguments overflows the stack past about 100,000
  // (a file of 140,000 students without guardians has as many warnings).
  if (issues.length === 0)
    for (const warning of warningsOf(plan, snapshot, studentLines, classLines)) warnings.push(warning);
  issues.sort((a, b) => a.line - b.line);
  return { issues, warnings, plan };
}

function warningsOf(
  plan: ImportPlan,
  snapshot: DirectorySnapshot,
  studentLines: Map<string, number>,
  classLines: Map<string, number>,
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const listed = new Map<string, Map<string, GuardianshipKind>>();
  for (const r of plan.relations) {
    const m = listed.get(r.studentExternalId) ?? new Map<string, GuardianshipKind>();
    m.set(r.personExternalId, r.kind);
    listed.set(r.studentExternalId, m);
  }
  for (const student of plan.students) {
    const relations =
      listed.get(student.externalId) ?? snapshot.students.get(student.externalId)?.guardians ?? new Map();
    if (![...relations.values()].includes('custody')) {
      warnings.push({
        line: studentLines.get(student.externalId),
        code: 'student_without_custody',
        params: { value: student.externalId },
      });
    }
  }
  const contactTaught = new Set<string>();
  const replaced = new Set(plan.people.filter((p) => p.classStaff).map((p) => p.externalId));
  for (const [externalId, person] of snapshot.people) {
    if (replaced.has(externalId)) continue;
    for (const [classId, role] of person.classStaff) if (role === 'contact_teacher') contactTaught.add(classId);
  }
  for (const person of plan.people)
    for (const [classId, role] of person.classStaff ?? []) if (role === 'contact_teacher') contactTaught.add(classId);
  for (const cls of plan.classes) {
    if (!contactTaught.has(cls.externalId)) {
      warnings.push({
        line: classLines.get(cls.externalId),
        code: 'class_without_contact_teacher',
        params: { name: className(cls.grade, cls.letter) },
      });
    }
  }
  return warnings;
}
