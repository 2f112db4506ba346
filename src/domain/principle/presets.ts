import type { TPrinciplePreset } from '../../shared/api/principle.schema.js';
import type { TGuidepostAspect, TPrinciple, TQuietHours } from '../../shared/principle/principle.schema.js';
import { PRINCIPLE_SCHEMA_VERSION } from '../../shared/principle/principle.schema.js';
import { GUIDEPOST_ASPECTS } from './guideposts.js';
import { deepFreeze } from './deep-freeze.js';

export { GUIDEPOST_ASPECTS } from './guideposts.js';

/**
 * Starting points for a school's principle, one per seed school (PRODUCT.md). Each preset
 * keeps the seed's own words as prose and reads its rules into numbers; where the seed leaves
 * a number open ("i tilpas god tid", "tidligt"), the preset proposes one and its note says so,
 * so the board knows which numbers are its own choice.
 */

export type PrinciplePresetId = 'seed-000' | 'seed-001' | 'seed-002';

/**
 * Where a preset's texts name the school (Balleskolen in seed 002): a preset is a template, and
 * the school that takes it is named there instead (`principleForSchool`).
 */
export const SCHOOL_NAME_PLACEHOLDER = '{school}';

/** Samspil's default protection of staff evenings and weekends; the seeds do not mention it. */
const DEFAULT_QUIET_HOURS: TQuietHours = { from: '18:00', to: '07:00', weekends: true };

/** The seeds do not refer to Vejle's guideposts, so a preset leaves every aspect for the board to adopt. */
const guidepostsNotYetAdopted = (): TGuidepostAspect[] =>
  GUIDEPOST_ASPECTS.map((aspect) => ({ ...aspect, adopted: false }));

const paragraphs = (...blocks: string[]) => blocks.join('\n\n');
const bullets = (...items: string[]) => items.map((item) => `- ${item}`).join('\n');

const seed000: TPrinciple = {
  schemaVersion: PRINCIPLE_SCHEMA_VERSION,
  texts: {
    purpose: {
      da: paragraphs(
        'Skole-hjem-samtaler skal sikre, at skolen og forældrene i samarbejde tager ansvar for det enkelte barns faglige, sociale og dannelsesmæssige udvikling.',
        'Princippet ligger i forlængelse af såvel skolens værdiregelsæt og skolens øvrige principper som af kommunens mål og rammer samt Folkeskoleloven. Sidstnævnte angiver i § 2, stk. 3, at »Elever og forældre samarbejder med skolen om at leve op til folkeskolens formål.«',
      ),
      en: paragraphs(
        "School-home conferences are to ensure that the school and the parents, working together, take responsibility for each child's academic, social and personal development.",
        "The principle follows from the school's values and its other principles, the municipality's goals and framework, and the Folkeskole Act, whose section 2(3) says: \u201CStudents and parents work with the school to fulfil the purpose of the folkeskole.\u201D",
      ),
    },
    goals: {
      da: bullets(
        'Skole-hjem-samtaler giver forældrene et fyldestgørende billede af barnets faglige udbytte og trivsel og er med til at sikre at evt. faglige og trivselsmæssige problemer opdages i tide.',
        'Skole-hjem-samtaler er med til at sikre et samarbejde om, at alle elever udfordres i forhold til deres potentiale, gennem fastsættelse af individuelle faglige og sociale mål.',
        'Skole-hjem-samtaler sikrer dialog mellem lærere og forældre i forhold til fastsættelse og opnåelse af målene for barnets faglige og sociale udvikling.',
        'Skole-hjem-samtaler sikrer konkrete aftaler mellem skolen og forældrene om, hvordan forældrene kan støtte deres barn i at nå de faglige og sociale mål.',
        'Skole-hjem-samtalen understøttes af elevplanen samt evt. anden form for skriftligt materiale.',
      ),
      en: bullets(
        "School-home conferences give parents a full picture of the child's academic progress and well-being and help ensure that any academic or well-being problems are discovered in time.",
        'School-home conferences help secure a collaboration in which every student is challenged according to their potential, by setting individual academic and social goals.',
        "School-home conferences ensure dialogue between teachers and parents on setting and reaching the goals for the child's academic and social development.",
        'School-home conferences ensure concrete agreements between the school and the parents on how the parents can support their child in reaching the academic and social goals.',
        'The conference is supported by the student plan and any other written material.',
      ),
    },
    values: null,
    schoolResponsibilities: {
      da: bullets(
        'Skolen indkalder til skole-hjem-samtalerne i tilpas god tid.',
        'Skolen udsender elevplanerne i tilpas god tid, så forældrene kan bruge dem som forberedelse til skole-hjem-samtalen.',
        'Skolen indkalder regelmæssigt til skole-hjem-samtaler minimum 1 gang om året.',
        'Skolen vurderer løbende, om der er brug for ekstra skole-hjem-samtaler for en elev.',
        'Skolen tilstræber at give forældrene fyldestgørende viden om, hvordan de i hjemmet kan støtte deres barns læring.',
        'Skolen tilstræber, at forældrene får en fyldestgørende viden om elevens udvikling i alle fag hvert år i forbindelse med skole-hjem-samtalerne og/eller elevplaner.',
      ),
      en: bullets(
        'The school invites parents to the conferences in good time.',
        'The school sends out the student plans in good time, so the parents can use them to prepare for the conference.',
        'The school regularly invites parents to conferences, at least once a year.',
        'The school keeps assessing whether a student needs extra conferences.',
        "The school aims to give parents full knowledge of how they can support their child's learning at home.",
        "The school aims to give parents full knowledge of the student's development in every subject each year, through the conferences and/or the student plans.",
      ),
    },
    parentResponsibilities: {
      da: bullets(
        'Forældrene forbereder sig til skole-hjem-samtalen ved at gennemgå elevplanen sammen med deres barn.',
        'Forældrene tilstræber, at mindst én forælder deltager i skole-hjem-samtalen.',
        'Forældrene tilstræber at efterleve de konkrete aftaler mellem skolen og forældrene om, hvordan de kan støtte deres barn i at nå de faglige og sociale mål.',
      ),
      en: bullets(
        'The parents prepare for the conference by going through the student plan together with their child.',
        'The parents aim for at least one parent to attend the conference.',
        'The parents aim to keep the concrete agreements between the school and the parents on how they can support their child in reaching the academic and social goals.',
      ),
    },
    studentRole: null,
    nextSteps: {
      da: bullets(
        'Skolelederen formidler princippet til forældre, elever og medarbejdere.',
        'Skolelederen implementerer princippet efter drøftelse med skolebestyrelsen.',
        'Skolebestyrelsen fører tilsyn med, hvordan skolen efterlever princippet.',
      ),
      en: bullets(
        'The school leader communicates the principle to parents, students and staff.',
        'The school leader implements the principle after discussing it with the school board.',
        'The school board supervises how the school lives up to the principle.',
      ),
    },
  },
  conferences: {
    perYear: 1,
    commitment: 'at_least',
    needsBasedRounds: 0,
    extraWhenNeeded: true,
    invitationLeadDays: 21,
    studentPlan: { form: 'student_plan', leadDays: 7 },
    studentsTakePart: false,
    allPartiesAddTopics: false,
    concreteAgreements: true,
    testResults: 'unspecified',
    testResultsInWritingWorkingDays: 10,
  },
  parentMeetings: null,
  communication: {
    contactTeacherIsHub: false,
    responseTime: null,
    sensitiveMattersInPerson: false,
    quietHours: DEFAULT_QUIET_HOURS,
    studentMessages: null,
  },
  classUpdates: { bands: [] },
  earlyDialogue: null,
  studentInvolvement: { bands: [] },
  oversight: { boardSupervises: true, reportsPerYear: 1 },
  aspects: guidepostsNotYetAdopted(),
};

/** Seed 001's reading of "youngest most often" and "involvement grows with age"; seed 002 shares it. */
const YOUNGEST_MOST_OFTEN: TPrinciple['classUpdates'] = {
  bands: [
    { fromGrade: 0, toGrade: 3, cadence: 'weekly' },
    { fromGrade: 4, toGrade: 6, cadence: 'fortnightly' },
    { fromGrade: 7, toGrade: 9, cadence: 'monthly' },
  ],
};
const INVOLVEMENT_GROWS_WITH_AGE: TPrinciple['studentInvolvement'] = {
  bands: [
    { fromGrade: 0, toGrade: 3, level: 'present' },
    { fromGrade: 4, toGrade: 6, level: 'contributes' },
    { fromGrade: 7, toGrade: 9, level: 'co_leads' },
  ],
};

const seed001: TPrinciple = {
  schemaVersion: PRINCIPLE_SCHEMA_VERSION,
  texts: {
    purpose: {
      da: paragraphs(
        'Formålet med skole-hjem-samarbejdet er at støtte den enkelte elev og fællesskabet omkring klassen og årgangen, så alle elever trives og får størst muligt udbytte af skolegangen.',
        'Samarbejdet skal via gensidig information og dialog medvirke til, at alle har tilstrækkelig information til at støtte barnets læring og trivsel samt skabe forståelse for skolegangen og hele skolens virksomhed.',
        'Samarbejdet skal medvirke til at styrke tilliden mellem klassens lærere/pædagoger og det enkelte hjem. Dialog er centralt her.',
        'Samarbejdet skal åbne mulighed for at drøfte problemstillinger der optager familierne.',
      ),
      en: paragraphs(
        'The purpose of the school-home collaboration is to support each student and the community of the class and year group, so that every student thrives and gets the most out of school.',
        "Through mutual information and dialogue, the collaboration is to help everyone have enough information to support the child's learning and well-being, and to build understanding of schooling and of the school's work as a whole.",
        "The collaboration is to help strengthen the trust between the class's teachers/pedagogues and each home. Dialogue is central here.",
        'The collaboration is to open up for discussing issues that concern the families.',
      ),
    },
    goals: null,
    values: {
      da: paragraphs(
        'Kommunikationen mellem skole og hjem skal ske inden for rammerne af skolens værdier: medindflydelse, engagement, respekt og kvalitet.',
        'Det betyder bl.a. at alle er opmærksomme på rettidighed og udviser respekt for hinandens roller – med klassen/barnet i centrum.',
      ),
      en: paragraphs(
        "Communication between school and home takes place within the school's values: a say for everyone, engagement, respect and quality.",
        "Among other things, this means that everyone pays attention to timeliness and respects each other's roles, with the class and the child at the centre.",
      ),
    },
    schoolResponsibilities: {
      da: paragraphs(
        'Der er mange forskellige fora og platforme, hvor skole og hjem er i berøring med hinanden – og som indgår i samarbejdet. Nogle af dem er:\n' +
          bullets(
            'AULA',
            'Forældremøder',
            'Skolehjemsamtaler',
            'Ugebrev/plan',
            'Min Uddannelse',
            'Sociale medier',
            'Skolens hjemmeside',
            'Arrangementer på skolen',
            'Trivselsarrangementer',
            'Lege-/hyggegrupper',
            'Kontaktforældre',
          ),
        'AULA er platformen for den skriftlige kommunikation mellem skole og hjem. Skolens personale er ansvarlige for, at der kontinuerligt udsendes skriftlig information om arbejdet i klassen, tilpasset årgangene. I de yngste klasser er informationsbehovet størst hvorfor der hyppigst udsendes information der.',
        'Forældremøder har til formål at understøtte den faglige og trivselsmæssige udvikling på klasse- og individniveau – gennem information og dialog. Der afholdes 2 årlige forældremøder. Emner fra skolens trivselshandleplan tages op på forældremøderne. Eksterne oplægsholdere kan indgå som en naturlig del af indholdet. Klassens kontaktforældre kan medvirke i planlægningen og afviklingen af forældremøder.',
        'Skolen inviterer til 2 årlige skole-hjemsamtaler. Drøftelse af testresultater indgår som en del af samtalerne, men er ikke omdrejningspunktet. Samtalen giver anledning til at der træffes konkrete aftaler til støtte for barnets fortsatte trivsel og læring. Samtalerne tilrettelægges så de giver størst muligt udbytte for elever og forældre – og personalet opfordres til at afprøve forskellige former for samtaler, der tilgodeser den konkrete elevgruppe. Samtalerne tilrettelægges, så alle har mulighed for at forberede sig og at alle parter kan tage emner op.',
        'Skolen og hjemmet samarbejder om den enkelte elev efter en konkret vurdering og behov.',
      ),
      en: paragraphs(
        'There are many different forums and platforms where school and home meet, and which are part of the collaboration. Some of them are:\n' +
          bullets(
            'AULA',
            'Parent meetings',
            'School-home conferences',
            'Weekly letter/plan',
            'Min Uddannelse',
            'Social media',
            "The school's website",
            'Events at the school',
            'Well-being events',
            'Play groups',
            'Class parent representatives',
          ),
        "AULA is the platform for written communication between school and home. The school's staff are responsible for sending out written information about the work in the class continuously, adapted to each year group. The need for information is greatest in the youngest classes, so information is sent out most often there.",
        "Parent meetings are to support academic development and well-being at class and individual level, through information and dialogue. Two parent meetings are held each year. Topics from the school's well-being action plan are taken up at the parent meetings. External speakers can be a natural part of the content. The class parent representatives can help plan and run the parent meetings.",
        "The school invites parents to two school-home conferences a year. Test results are discussed as part of the conferences, but they are not the centre of them. The conference leads to concrete agreements that support the child's continued well-being and learning. The conferences are planned to give students and parents as much as possible, and staff are encouraged to try different kinds of conferences that suit the particular group of students. The conferences are planned so that everyone can prepare and every party can raise topics.",
        'School and home work together on each student according to a concrete assessment and need.',
      ),
    },
    parentResponsibilities: null,
    studentRole: {
      da: 'Eleverne er naturlige deltagere i de planlagte samtaler. Der skal være fokus på inddragelse af barnet i samtalen. Elevinddragelsen i samtalerne øges med elevernes alder.',
      en: "Students naturally take part in the planned conferences. There must be a focus on involving the child in the conversation. Student involvement in the conferences grows with the students' age.",
    },
    nextSteps: null,
  },
  conferences: {
    perYear: 2,
    commitment: 'firm',
    needsBasedRounds: 0,
    extraWhenNeeded: true,
    invitationLeadDays: 21,
    studentPlan: { form: 'student_plan', leadDays: 7 },
    studentsTakePart: true,
    allPartiesAddTopics: true,
    concreteAgreements: true,
    testResults: 'included_not_central',
    testResultsInWritingWorkingDays: 10,
  },
  parentMeetings: { perYear: 2, commitment: 'firm', wellBeingPlanTopics: true, representativesHelpPlan: true },
  communication: {
    contactTeacherIsHub: false,
    responseTime: null,
    sensitiveMattersInPerson: false,
    quietHours: DEFAULT_QUIET_HOURS,
    studentMessages: null,
  },
  classUpdates: YOUNGEST_MOST_OFTEN,
  earlyDialogue: null,
  studentInvolvement: INVOLVEMENT_GROWS_WITH_AGE,
  oversight: { boardSupervises: true, reportsPerYear: 1 },
  aspects: guidepostsNotYetAdopted(),
};

const seed002: TPrinciple = {
  schemaVersion: PRINCIPLE_SCHEMA_VERSION,
  texts: {
    purpose: {
      da: 'Et stærkt skole-hjem-samarbejde er en grundlæggende forudsætning for elevernes læring, trivsel og dannelse. På {school} bygger samarbejdet på tillid, åbenhed, nysgerrighed og systematik, hvor skole og hjem sammen tager ansvar for barnets faglige, sociale og personlige udvikling.',
      en: "A strong school-home collaboration is a basic condition for the students' learning, well-being and formation. At {school} the collaboration is built on trust, openness, curiosity and system, with school and home taking joint responsibility for the child's academic, social and personal development.",
    },
    goals: null,
    values: {
      da: 'Forældrene skal med tillid kunne overlade deres børn til skolens professionelle medarbejdere, som møder eleverne med omsorg, respekt og høj faglighed. Samtidig skal skolens medarbejdere kunne regne med forældrenes opbakning til skolens professionelle virke. Barnet skal opleve, at skole og hjem kommunikerer i en anerkendende og respektfuld tone, altid med barnets trivsel og faglige udvikling i centrum.',
      en: "Parents must be able to leave their children with confidence in the care of the school's professional staff, who meet the students with care, respect and high professional standards. At the same time, the school's staff must be able to count on the parents' support for the school's professional work. The child must experience that school and home communicate in an appreciative and respectful tone, always with the child's well-being and academic development at the centre.",
    },
    schoolResponsibilities: {
      da: paragraphs(
        'Kommunikationen mellem skole og hjem er respektfuld, struktureret og anerkendende. Kontaktlæreren er omdrejningspunkt for samarbejdet og sikrer sammenhæng i information og dialog. Forældrene informeres om, hvordan og hvornår kontaktlæreren kan kontaktes, og hvilken svartid der kan forventes. Der tilstræbes en generel svartid på højst tre dage efter henvendelse.',
        'Kommunikation foregår primært via skolens digitale platforme og anvendes til praktiske beskeder samt orientering om undervisning, læring og aktiviteter. Mere komplekse eller følsomme problemstillinger håndteres gennem telefonisk kontakt eller møder, hvor der er plads til nuancer, spørgsmål og fælles refleksion.',
        'Skolen forpligter sig til løbende og systematisk at orientere hjemmet om barnets udbytte af undervisningen og trivsel. Dette sker blandt andet gennem meddelelsesbog, skole-hjem-samtaler og forældremøder. Der tilstræbes 2 årlige forældremøder og 2 årlige skolehjemsamtaler, hvor den ene runde kan have karakter af behovssamtaler. Skolen kontakter hjemmet, hvis der opstår faglige, trivselsmæssige eller adfærdsmæssige udfordringer, og inviterer tidligt til dialog, så der kan findes fælles løsninger.',
      ),
      en: paragraphs(
        'Communication between school and home is respectful, structured and appreciative. The contact teacher is the hub of the collaboration and keeps information and dialogue consistent. Parents are told how and when the contact teacher can be reached, and what response time they can expect. The school aims for a general response time of at most three days after being contacted.',
        "Communication mainly takes place through the school's digital platforms and is used for practical messages and for information about teaching, learning and activities. More complex or sensitive issues are handled by phone or in meetings, where there is room for nuance, questions and shared reflection.",
        "The school commits to keeping the home informed, continuously and systematically, about the child's progress and well-being. This happens through the message book, school-home conferences and parent meetings, among other things. The school aims for 2 parent meetings and 2 school-home conferences a year, one round of which may be needs-based conferences. The school contacts the home if academic, well-being or behavioural challenges arise, and invites dialogue early so that shared solutions can be found.",
      ),
    },
    parentResponsibilities: {
      da: 'Forældrene bidrager til samarbejdet ved at holde sig orienteret, dele relevant viden om elevens situation og møde skolen med åbenhed og nysgerrighed. Uenigheder håndteres i en konstruktiv dialog med fokus på forståelse, ligeværdighed og fælles ansvar for elevernes læring og trivsel.',
      en: "Parents contribute to the collaboration by keeping themselves informed, sharing relevant knowledge about the student's situation and meeting the school with openness and curiosity. Disagreements are handled in a constructive dialogue focused on understanding, equality and shared responsibility for the students' learning and well-being.",
    },
    studentRole: {
      da: 'På {school} er eleverne en aktiv del af skole-hjem-samarbejdet og anses som kompetente og betydningsfulde individer i fællesskabet. Eleverne inddrages i samtaler om mål, læring og trivsel og støttes i gradvist at tage ansvar for egen udvikling. Gennem et tillidsfuldt, åbent og systematisk samarbejde skaber skole og hjem sammen de bedste rammer for, at alle elever på {school} kan trives, lære og udvikle sig til at blive den bedste udgave af sig selv.',
      en: 'At {school} the students are an active part of the school-home collaboration and are seen as competent and valued members of the community. Students are involved in conversations about goals, learning and well-being and are supported in gradually taking responsibility for their own development. Through trusting, open and systematic collaboration, school and home together create the best conditions for every student at {school} to thrive, learn and grow into the best version of themselves.',
    },
    nextSteps: null,
  },
  conferences: {
    perYear: 2,
    commitment: 'target',
    needsBasedRounds: 1,
    extraWhenNeeded: false,
    invitationLeadDays: 21,
    studentPlan: { form: 'message_book', leadDays: 7 },
    studentsTakePart: true,
    allPartiesAddTopics: false,
    concreteAgreements: false,
    testResults: 'unspecified',
    testResultsInWritingWorkingDays: 10,
  },
  parentMeetings: { perYear: 2, commitment: 'target', wellBeingPlanTopics: false, representativesHelpPlan: false },
  communication: {
    contactTeacherIsHub: true,
    responseTime: { workingDays: 3, isTarget: true },
    sensitiveMattersInPerson: true,
    quietHours: DEFAULT_QUIET_HOURS,
    studentMessages: null,
  },
  classUpdates: YOUNGEST_MOST_OFTEN,
  earlyDialogue: {
    contactWithinWorkingDays: 2,
    channels: ['phone', 'meeting'],
    concernKinds: ['academic', 'well_being', 'behaviour'],
  },
  studentInvolvement: INVOLVEMENT_GROWS_WITH_AGE,
  oversight: { boardSupervises: true, reportsPerYear: 1 },
  aspects: guidepostsNotYetAdopted(),
};

const DEFAULTS_NOTE = {
  da: 'Stille timer for medarbejdere (kl. 18.00–07.00 og i weekenden) og én årlig rapport til skolebestyrelsen er Samspils standard. Vejle Kommunes fem pejlemærker følger med som tekst; skolebestyrelsen vælger selv, hvilke den tilslutter sig.',
  en: "Quiet hours for staff (18:00–07:00 and weekends) and one report a year to the school board are Samspil's defaults. Vejle Municipality's five guideposts come along as text; the school board chooses which of them it adopts.",
};

export const PRINCIPLE_PRESETS: readonly (TPrinciplePreset & { id: PrinciplePresetId })[] = deepFreeze([
  {
    id: 'seed-000',
    name: { da: 'Princip for skole-hjem-samtaler', en: 'Principle for school-home conferences' },
    source: {
      da: 'En folkeskoles princip for skole-hjem-samtaler (dokumentet nævner ikke skolens navn).',
      en: "A Danish school's principle for school-home conferences (the document does not name the school).",
    },
    note: {
      da: `Princippet kræver mindst én skole-hjem-samtale om året og beder skolen indkalde og sende elevplaner ud »i tilpas god tid« uden at sætte tal på. Skabelonen foreslår invitation mindst 21 dage og elevplan mindst 7 dage før samtalen; de tal er skolens eget valg. Princippet handler kun om samtaler, så forældremøder, svartid, tidlig dialog, klassernes skriftlige information og elevernes rolle er ikke udfyldt. ${DEFAULTS_NOTE.da}`,
      en: `The principle requires at least one school-home conference a year and asks the school to invite parents and send out student plans "in good time" without giving a number. The preset suggests inviting at least 21 days and sending the student plan at least 7 days before the conference; those numbers are the school's own choice. The principle covers conferences only, so parent meetings, response time, early dialogue, written class updates and the students' role are left empty. ${DEFAULTS_NOTE.en}`,
    },
    principle: seed000,
  },
  {
    id: 'seed-001',
    name: { da: 'Princip for skole-hjem-samarbejdet', en: 'Principle for school-home collaboration' },
    source: {
      da: 'En folkeskoles princip for skole-hjem-samarbejdet, vedtaget i skolebestyrelsen 1. februar 2023 (dokumentet nævner ikke skolens navn).',
      en: "A Danish school's principle for school-home collaboration, adopted by the school board on 1 February 2023 (the document does not name the school).",
    },
    note: {
      da: `Princippet fastsætter 2 forældremøder og 2 skole-hjem-samtaler om året, at elevinddragelsen øges med alderen, og at de yngste klasser får skriftlig information oftest. Skabelonens læsning – skriftlig information hver uge i 0.–3. klasse, hver anden uge i 4.–6. og hver måned i 7.–9.; eleven med i samtalen i 0.–3., bidragende i 4.–6. og medansvarlig i 7.–9. – er skolens eget valg, ligesom frister for invitation (21 dage) og elevplan (7 dage). Princippet nævner ikke en svartid eller regler for tidlig dialog. ${DEFAULTS_NOTE.da}`,
      en: `The principle sets 2 parent meetings and 2 school-home conferences a year, student involvement that grows with age, and written information most often for the youngest classes. The preset's reading – written updates every week in grades 0–3, every other week in 4–6 and every month in 7–9; the student present at the conference in 0–3, contributing in 4–6 and sharing responsibility in 7–9 – is the school's own choice, as are the lead times for invitations (21 days) and student plans (7 days). The principle sets no response time and no rules for early dialogue. ${DEFAULTS_NOTE.en}`,
    },
    principle: seed001,
  },
  {
    id: 'seed-002',
    name: {
      da: 'Princip for skole-hjem-samarbejde på Balleskolen',
      en: 'Principle for school-home collaboration at Balleskolen',
    },
    source: {
      da: 'Balleskolens princip for skole-hjem-samarbejde.',
      en: "Balleskolen's principle for school-home collaboration.",
    },
    note: {
      da: `Princippet siger »en generel svartid på højst tre dage«, og at den »tilstræbes«. Samspil regner svartider i arbejdsdage (hverdage uden helligdage), så skabelonen lover 3 arbejdsdage som et mål. Skolen skal invitere »tidligt« til dialog; skabelonen foreslår kontakt med hjemmet senest 2 arbejdsdage efter, at en bekymring er registreret. Hvor ofte klasserne skriver hjem (hver uge i 0.–3. klasse, hver anden uge i 4.–6., hver måned i 7.–9.), hvordan elevernes rolle vokser med alderen, og frister for invitation (21 dage) og opdateret meddelelsesbog (7 dage) er skolens eget valg. Hvor teksten nævner Balleskolen, står jeres skoles navn. ${DEFAULTS_NOTE.da}`,
      en: `The principle says "a general response time of at most three days" and that it is "aimed for". Samspil counts response times in working days (weekdays that are not public holidays), so the preset promises 3 working days as a target. The school is to invite dialogue "early"; the preset suggests contacting the home within 2 working days of a concern being registered. How often classes write home (every week in grades 0–3, every other week in 4–6, every month in 7–9), how the students' role grows with age, and the lead times for invitations (21 days) and an updated message book (7 days) are the school's own choice. Where the text names Balleskolen, your school's name stands. ${DEFAULTS_NOTE.en}`,
    },
    principle: seed002,
  },
]);

/**
 * A preset's principle as a school takes it, with the school's own name where the template names
 * the school. It is filled in once, when the school starts a draft from the preset or adopts it:
 * an adopted text keeps the name the board adopted it with.
 */
export function principleForSchool(principle: TPrinciple, schoolName: string): TPrinciple {
  const fill = (value: unknown): unknown => {
    // A function as replacement, so a name with `$&` or `$1` in it is taken literally.
    if (typeof value === 'string') return value.replaceAll(SCHOOL_NAME_PLACEHOLDER, () => schoolName);
    if (Array.isArray(value)) return value.map(fill);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, fill(v)]));
    return value;
  };
  return fill(principle) as TPrinciple;
}

export function findPreset(id: string): (TPrinciplePreset & { id: PrinciplePresetId }) | undefined {
  return PRINCIPLE_PRESETS.find((preset) => preset.id === id);
}
