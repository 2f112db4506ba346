import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { informationRequestContracts } from '../../../shared/api/information-request.contract.js';
import type { TMe } from '../../../shared/api/directory.schema.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { OfficeHome } from '../office/office-home.js';
import { AwaitingConcerns } from '../concerns/concern-parts.js';
import { ChildCard } from './child-card.js';
import { RepresentativeHome } from '../class-representatives/representative-home.js';
import { InformationRightCard } from './information-right-card.js';
import { OpenInformationRequests } from './open-information-requests.js';
import { PrincipleFigures } from './principle-figures.js';
import { SchoolOverview } from './school-overview.js';
import { StaffClasses } from './staff-classes.js';
import { StaffWork } from './staff-work.js';
import { StudentHome } from './student-home.js';
import { ParentMeetingsHome } from '../parent-meetings/parent-meetings-home.js';
import { HomeEvents } from '../events/home-events.js';
import { OrganisedPlayGroups } from '../play-groups/organised-play-groups.js';
import { ClassLetterFeed, ClassLettersDue } from '../class-letters/class-letter-home.js';

type MeSchool = TMe['schools'][number];

const STAFF_ROLES = new Set(['contact_teacher', 'teacher', 'pedagogue']);

function InformationRightChildren({ school, students }: { school: MeSchool; students: TMe['children'] }) {
  const requests = useApiQuery(informationRequestContracts.mine, { params: { schoolId: school.id } });
  return (
    <LoadedPart result={requests}>
      {(data) => (
        <ul className="card-list">
          {students.map((child) => (
            <InformationRightCard
              key={child.id}
              child={child}
              requests={data.requests.filter((r) => r.student.id === child.id)}
              onCreated={requests.reload}
            />
          ))}
        </ul>
      )}
    </LoadedPart>
  );
}

/**
 * The leadership's and the board's links, each shown only to those the server's rules let open
 * it. The office's own tasks come first for an administrator; a leader keeps the principle first.
 */
function LeadershipLinks({
  school,
  runsSchool,
  officeFirst,
}: {
  school: MeSchool;
  runsSchool: boolean;
  officeFirst: boolean;
}) {
  const { t } = useTranslation();
  const a = school.abilities;
  const links = [
    { show: true, to: paths.principle(school.id), label: t('home.links.principle') },
    { show: runsSchool, to: paths.brokenPromises(school.id), label: t('home.links.brokenPromises') },
    { show: a.planConferences, to: paths.conferenceRounds(school.id), label: t('home.links.conferences') },
    { show: runsSchool, to: paths.urgentMessages(school.id), label: t('staffMessages.urgentLog.link') },
    { show: runsSchool, office: true, to: paths.parentsMessage(school.id), label: t('parentsMessage.link') },
    {
      show: a.readPrincipleDrafts || a.editPrinciple,
      to: paths.principleDraft(school.id),
      label: t('home.links.principleDraft'),
    },
    {
      show: a.handleInformationRequests,
      office: true,
      to: paths.informationRequests(school.id),
      label: t('home.links.informationRequests'),
    },
    { show: a.importDirectory, office: true, to: paths.import(school.id), label: t('home.links.import') },
    { show: a.searchAuditLog, office: true, to: paths.auditLog(school.id), label: t('home.links.auditLog') },
    // The closed days are the leadership's to change; everyone else reads them where they matter.
    { show: a.editClosedDays, office: true, to: paths.closedDays(school.id), label: t('home.links.closedDays') },
  ].filter((link) => link.show);
  const ordered = officeFirst
    ? [...links.filter((link) => link.office), ...links.filter((link) => !link.office)]
    : links;
  return (
    <ul className="link-list">
      {ordered.map((link) => (
        <li key={link.to}>
          <Link to={link.to}>{link.label}</Link>
        </li>
      ))}
    </ul>
  );
}

/** Everything one person has to do with one school, section by section according to their roles. */
function SchoolHome({ school, me, showSchoolName }: { school: MeSchool; me: TMe; showSchoolName: boolean }) {
  const { t } = useTranslation();
  const children = me.children.filter((child) => child.schoolId === school.id);
  const custody = children.filter((child) => child.relation === 'custody');
  const informationRight = children.filter((child) => child.relation === 'information_right');
  const roles = new Set<string>(school.roles);
  const isStaff = school.roles.some((role) => STAFF_ROLES.has(role));
  const runsSchool = roles.has('leader') || roles.has('administrator');
  // The school office's home answers what the office must do now; a leader's stays the figures' dashboard.
  const isOffice = roles.has('administrator') && !roles.has('leader');
  const isBoard = roles.has('board_member');
  const sid = school.id;

  return (
    <div className="stack-lg">
      {showSchoolName ? <h2 className="school-name">{school.name}</h2> : null}
      {school.suspended ? (
        <Notice kind="info" title={t('home.suspended.title')}>
          <p>{t('home.suspended.body', { school: school.name })}</p>
        </Notice>
      ) : null}
      {custody.length > 0 ? (
        <Section title={custody.length === 1 ? t('home.yourChild') : t('home.yourChildren')} id={`children-${sid}`}>
          <ul className="card-list">
            {custody.map((child) => (
              <ChildCard key={child.id} child={child} />
            ))}
          </ul>
        </Section>
      ) : null}
      {/* What staff must do now comes first: the work list, then a class letter falling due. */}
      {isStaff ? (
        <Section title={t('home.work.title')} id={`work-${sid}`}>
          <StaffWork schoolId={sid} />
        </Section>
      ) : null}
      {isStaff && !isOffice ? <ClassLettersDue schoolId={sid} behindOnly={runsSchool} /> : null}
      {custody.length > 0 ? (
        <RepresentativeHome
          schoolId={sid}
          childClasses={[
            ...new Map(custody.flatMap((c) => (c.class ? [[c.class.id, c.class] as const] : []))).values(),
          ]}
        />
      ) : null}
      {!school.suspended && (custody.length > 0 || isStaff) ? <ParentMeetingsHome schoolId={sid} /> : null}
      {informationRight.length > 0 ? (
        <Section title={t('home.informationRight')} id={`information-right-${sid}`}>
          <InformationRightChildren school={school} students={informationRight} />
        </Section>
      ) : null}
      {roles.has('student') ? <StudentHome school={school} /> : null}
      {!school.suspended && (custody.length > 0 || isStaff || runsSchool) ? <HomeEvents schoolId={sid} /> : null}
      {custody.length > 0 || roles.has('student') ? <ClassLetterFeed schoolId={sid} /> : null}
      {isStaff ? (
        <Section title={t('home.yourClasses')} id={`classes-${sid}`}>
          {/* The leadership finds the rounds among its own links; a contact teacher finds their classes' here. */}
          <StaffClasses schoolId={sid} planConferences={school.abilities.planConferences && !runsSchool} />
        </Section>
      ) : null}
      {roles.has('class_representative') || isStaff ? (
        <Section title={t('playGroups.home.title')} id={`play-groups-${sid}`}>
          <OrganisedPlayGroups schoolId={sid} />
        </Section>
      ) : null}
      {isOffice ? <OfficeHome schoolId={sid} importDirectory={school.abilities.importDirectory} /> : null}
      {/* A concern past its deadline is the leader's to act on today: before the figures. */}
      {roles.has('leader') ? (
        <Section title={t('concerns.overdue.title')} id={`overdue-concerns-${sid}`}>
          <AwaitingConcerns schoolId={sid} overdueOnly />
        </Section>
      ) : null}
      {roles.has('leader') || isBoard ? (
        <Section title={t('figures.title')} id={`figures-${sid}`}>
          <PrincipleFigures schoolId={sid} />
        </Section>
      ) : null}
      {(runsSchool || isBoard) && !isOffice ? (
        <Section title={runsSchool ? t('home.leadership') : t('home.board')} id={`leadership-${sid}`}>
          <LeadershipLinks school={school} runsSchool={runsSchool} officeFirst={false} />
        </Section>
      ) : null}
      {school.abilities.handleInformationRequests ? (
        <Section title={t('home.openInformationRequests')} id={`requests-${sid}`}>
          <OpenInformationRequests schoolId={sid} />
        </Section>
      ) : null}
      {school.abilities.readSchoolOverview ? (
        <Section title={isOffice ? t('office.directory.title') : t('home.overview')} id={`overview-${sid}`}>
          <SchoolOverview schoolId={sid} />
        </Section>
      ) : null}
      {isOffice ? (
        <Section title={t('office.links.title')} id={`leadership-${sid}`}>
          <LeadershipLinks school={school} runsSchool={runsSchool} officeFirst />
        </Section>
      ) : null}
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  const firstName = me.name.split(' ')[0] ?? me.name;
  return (
    <Page title={t('home.title', { name: firstName })} wide>
      {me.schools.length === 0 ? (
        <Notice kind="info">
          <p>{t('home.noSchools')}</p>
        </Notice>
      ) : null}
      {me.schools.map((school) => (
        <SchoolHome key={school.id} school={school} me={me} showSchoolName={me.schools.length > 1} />
      ))}
    </Page>
  );
}
