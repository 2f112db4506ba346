import { attachmentContracts } from './attachment.contract.js';
import { auditContracts } from './audit.contract.js';
import { calendarContracts } from './calendar.contract.js';
import { conferenceContracts } from './conference.contract.js';
import { authContracts, devMailContracts, oidcContracts } from './auth.contract.js';
import { directoryContracts, meContracts } from './directory.contract.js';
import { draftContracts } from './draft.contract.js';
import { figuresContracts } from './figures.contract.js';
import { importContracts } from './import.contract.js';
import { informationRequestContracts } from './information-request.contract.js';
import { messagingContracts } from './messaging.contract.js';
import { notificationContracts } from './notification.contract.js';
import { principleContracts } from './principle.contract.js';
import { schoolCalendarContracts } from './school-calendar.contract.js';
import { staffAbsenceContracts } from './staff-absence.contract.js';
import { studentPlanContracts } from './student-plan.contract.js';
import { classRepresentativeContracts } from './class-representative.contract.js';
import { parentMeetingContracts } from './parent-meeting.contract.js';
import { playGroupContracts } from './play-group.contract.js';
import { classLetterContracts } from './class-letter.contract.js';
import type { Contract } from './contract.js';

/** Every contract, by area: the route table test holds that each is a route the server serves as written. */
export const allContracts: Record<string, Record<string, Contract>> = {
  attachmentContracts,
  auditContracts,
  calendarContracts,
  conferenceContracts,
  authContracts,
  devMailContracts,
  oidcContracts,
  directoryContracts,
  meContracts,
  draftContracts,
  figuresContracts,
  importContracts,
  informationRequestContracts,
  messagingContracts,
  notificationContracts,
  principleContracts,
  schoolCalendarContracts,
  staffAbsenceContracts,
  studentPlanContracts,
  classRepresentativeContracts,
  parentMeetingContracts,
  playGroupContracts,
  classLetterContracts,
};
