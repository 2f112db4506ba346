import type { Locale } from '../../shared/errors.js';
import type { TPrincipleDescription } from '../../shared/api/principle.schema.js';
import { proseBlocks } from '../../shared/principle/prose.js';
import {
  PROSE_SECTION_IDS,
  type TCadenceBand,
  type TClassUpdateRules,
  type TCommunicationRules,
  type TConcernKind,
  type TConferenceRules,
  type TEarlyDialogueRules,
  type TGuidepostAspect,
  type TInvolvementBand,
  type TLocalizedText,
  type TOversightRules,
  type TParentMeetingRules,
  type TPersonalChannel,
  type TPrinciple,
  type TProseSectionId,
  type TStudentInvolvementRules,
  type TUpdateCadence,
} from '../../shared/principle/principle.schema.js';

/**
 * The principle in plain language: the board's own prose, the rules as promises a parent can
 * hold the school to, and the guideposts the school has adopted. Used by the public page and
 * the board report, in Danish or English.
 */

type RuleSectionId = TPrincipleDescription['rules'][number]['id'];

interface Phrases {
  prose: Record<TProseSectionId, string>;
  rules: Record<RuleSectionId, string>;
  meansThat: string;
  seenWhen: string;
  conferences(c: TConferenceRules): string[];
  parentMeetings(p: TParentMeetingRules): string[];
  communication(c: TCommunicationRules): string[];
  classUpdate(band: TCadenceBand): string;
  earlyDialogue(e: TEarlyDialogueRules): string[];
  involvementGrows: string;
  involvement(band: TInvolvementBand): string;
  oversight(o: TOversightRules): string[];
}

/** "a, b og c" */
function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const DA_CADENCE: Record<TUpdateCadence, string> = {
  weekly: 'hver uge',
  fortnightly: 'hver anden uge',
  monthly: 'hver måned',
};
const EN_CADENCE: Record<TUpdateCadence, string> = {
  weekly: 'every week',
  fortnightly: 'every other week',
  monthly: 'every month',
};
const DA_CONCERN: Record<TConcernKind, string> = {
  academic: 'faglige',
  well_being: 'trivselsmæssige',
  behaviour: 'adfærdsmæssige',
};
const EN_CONCERN: Record<TConcernKind, string> = {
  academic: 'academic',
  well_being: 'well-being',
  behaviour: 'behavioural',
};
const DA_CHANNEL: Record<TPersonalChannel, string> = { phone: 'pr. telefon', meeting: 'ved et møde' };
const EN_CHANNEL: Record<TPersonalChannel, string> = { phone: 'by phone', meeting: 'in a meeting' };

const daGrades = (b: { fromGrade: number; toGrade: number }) =>
  b.fromGrade === b.toGrade ? `${b.fromGrade}. klasse` : `${b.fromGrade}.–${b.toGrade}. klasse`;
const enGrades = (b: { fromGrade: number; toGrade: number }) =>
  b.fromGrade === b.toGrade ? `grade ${b.fromGrade}` : `grades ${b.fromGrade}–${b.toGrade}`;

/** Danish writes clock times with a full stop: kl. 18.00. */
const daTime = (time: string) => time.replace(':', '.');

const DA: Phrases = {
  prose: {
    purpose: 'Formål',
    goals: 'Mål',
    values: 'Værdier',
    schoolResponsibilities: 'Skolens ansvar',
    parentResponsibilities: 'Forældrenes ansvar',
    studentRole: 'Elevernes rolle',
    nextSteps: 'De næste skridt',
  },
  rules: {
    conferences: 'Skole-hjem-samtaler',
    parent_meetings: 'Forældremøder',
    communication: 'Kommunikation og svartid',
    class_updates: 'Skriftlig information fra klassen',
    early_dialogue: 'Tidlig dialog',
    student_involvement: 'Elevernes inddragelse',
    oversight: 'Tilsyn',
  },
  meansThat: 'Det betyder, at:',
  seenWhen: 'Det kan vi se, når:',
  conferences(c) {
    const count = plural(c.perYear, 'skole-hjem-samtale', 'skole-hjem-samtaler');
    const promise = {
      firm: `Skolen holder ${count} om året`,
      at_least: `Skolen holder mindst ${count} om året`,
      target: `Skolen tilstræber at holde ${count} om året`,
    }[c.commitment];
    const needsBased =
      c.needsBasedRounds === 0
        ? ''
        : c.needsBasedRounds === 1
          ? c.perYear === 2
            ? '; den ene runde kan være behovssamtaler'
            : '; én af runderne kan være behovssamtaler'
          : `; ${c.needsBasedRounds} af runderne kan være behovssamtaler`;
    const sentences = [`${promise}${needsBased}.`];
    if (c.extraWhenNeeded) sentences.push('Skolen vurderer løbende, om en elev har brug for ekstra samtaler.');
    sentences.push(`Invitationen sendes mindst ${plural(c.invitationLeadDays, 'dag', 'dage')} før samtalen.`);
    if (c.studentPlan) {
      const what = c.studentPlan.form === 'student_plan' ? 'Elevplanen sendes hjem' : 'Meddelelsesbogen er opdateret';
      sentences.push(
        `${what} mindst ${plural(c.studentPlan.leadDays, 'dag', 'dage')} før samtalen, så forældre og barn kan forberede sig sammen.`,
      );
    }
    if (c.studentsTakePart) sentences.push('Eleven deltager selv i samtalen.');
    if (c.allPartiesAddTopics) sentences.push('Alle parter kan sætte emner på dagsordenen.');
    if (c.testResults === 'included_not_central')
      sentences.push('Testresultater drøftes, men de er ikke omdrejningspunktet for samtalen.');
    if (c.testResults === 'central') sentences.push('Testresultater er et centralt emne i samtalen.');
    sentences.push(
      `Forældrene får testresultater skriftligt senest ${plural(c.testResultsInWritingWorkingDays, 'arbejdsdag', 'arbejdsdage')} efter, at resultatet er registreret.`,
    );
    if (c.concreteAgreements) sentences.push('Samtalen munder ud i konkrete aftaler om, hvem der gør hvad.');
    return sentences;
  },
  parentMeetings(p) {
    const count = plural(p.perYear, 'forældremøde', 'forældremøder');
    const sentences = [
      {
        firm: `Hver klasse holder ${count} om året.`,
        at_least: `Hver klasse holder mindst ${count} om året.`,
        target: `Skolen tilstræber ${count} om året i hver klasse.`,
      }[p.commitment],
    ];
    if (p.wellBeingPlanTopics) sentences.push('Emner fra skolens trivselshandleplan tages op på forældremøderne.');
    if (p.representativesHelpPlan)
      sentences.push('Klassens kontaktforældre kan være med til at planlægge og holde møderne.');
    return sentences;
  },
  communication(c) {
    const sentences: string[] = [];
    if (c.contactTeacherIsHub) {
      sentences.push(
        'Kontaktlæreren er omdrejningspunkt for samarbejdet med hjemmet.',
        'Forældrene får at vide, hvordan og hvornår de kan kontakte kontaktlæreren.',
      );
    }
    if (c.responseTime) {
      const days = plural(c.responseTime.workingDays, 'arbejdsdag', 'arbejdsdage');
      sentences.push(
        `${c.responseTime.isTarget ? 'Vi tilstræber at svare' : 'Vi svarer'} på beskeder fra forældre senest ${days} efter, at vi har modtaget dem.`,
      );
    }
    if (c.sensitiveMattersInPerson)
      sentences.push(
        'Komplekse eller følsomme sager tager vi i telefonen eller på et møde, hvor der er plads til nuancer og spørgsmål.',
      );
    if (c.quietHours) {
      const { from, to, weekends } = c.quietHours;
      sentences.push(
        `Medarbejderne får ikke notifikationer mellem kl. ${daTime(from)} og kl. ${daTime(to)}${weekends ? ' eller i weekenden' : ''}.`,
      );
    }
    if (c.studentMessages) {
      sentences.push(
        `Fra ${c.studentMessages.fromGrade}. klasse kan eleven selv skrive til sin kontaktlærer og får svar inden for samme frist.`,
        c.studentMessages.guardiansSee === 'content'
          ? 'Forældremyndighedsindehaverne kan læse med i elevens beskeder.'
          : 'Forældremyndighedsindehaverne kan se, at og hvornår eleven skriver med skolen, men ikke hvad der står.',
      );
    }
    return sentences;
  },
  classUpdate: (band) => `I ${daGrades(band)} skriver klassen hjem ${DA_CADENCE[band.cadence]}.`,
  earlyDialogue(e) {
    const kinds = joinList(
      e.concernKinds.map((k) => DA_CONCERN[k]),
      'eller',
    );
    const channels = joinList(
      e.channels.map((c) => DA_CHANNEL[c]),
      'eller',
    );
    return [
      `Opstår der ${kinds} udfordringer, kontakter skolen hjemmet ${channels} senest ${plural(e.contactWithinWorkingDays, 'arbejdsdag', 'arbejdsdage')} efter, at bekymringen er registreret.`,
    ];
  },
  involvementGrows: 'Elevernes inddragelse i samtalerne vokser med alderen.',
  involvement(band) {
    const grades = daGrades(band);
    return {
      present: `I ${grades} er eleven med i samtalen og bliver hørt.`,
      contributes: `I ${grades} forbereder eleven sig og bidrager selv til samtalen.`,
      co_leads: `I ${grades} fremlægger eleven selv sine mål og er medansvarlig for samtalen.`,
    }[band.level];
  },
  oversight(o) {
    const reports = plural(o.reportsPerYear, 'rapport', 'rapporter');
    return [
      o.boardSupervises
        ? `Skolebestyrelsen fører tilsyn med, hvordan skolen efterlever princippet, og får ${reports} om året fra ledelsen.`
        : `Skolens ledelse udarbejder ${reports} om året om, hvordan skolen efterlever princippet.`,
    ];
  },
};

const EN: Phrases = {
  prose: {
    purpose: 'Purpose',
    goals: 'Goals',
    values: 'Values',
    schoolResponsibilities: "The school's responsibilities",
    parentResponsibilities: "The parents' responsibilities",
    studentRole: "The students' role",
    nextSteps: 'Next steps',
  },
  rules: {
    conferences: 'School-home conferences',
    parent_meetings: 'Parent meetings',
    communication: 'Communication and response time',
    class_updates: 'Written updates from the class',
    early_dialogue: 'Early dialogue',
    student_involvement: 'Student involvement',
    oversight: 'Supervision',
  },
  meansThat: 'This means that:',
  seenWhen: 'We can see it when:',
  conferences(c) {
    const count = plural(c.perYear, 'school-home conference', 'school-home conferences');
    const promise = {
      firm: `The school holds ${count} a year`,
      at_least: `The school holds at least ${count} a year`,
      target: `The school aims to hold ${count} a year`,
    }[c.commitment];
    const needsBased =
      c.needsBasedRounds === 0
        ? ''
        : c.needsBasedRounds === 1
          ? c.perYear === 2
            ? '; one of the two rounds may be needs-based conferences'
            : '; one of the rounds may be needs-based conferences'
          : `; ${c.needsBasedRounds} of the rounds may be needs-based conferences`;
    const sentences = [`${promise}${needsBased}.`];
    if (c.extraWhenNeeded) sentences.push('The school keeps assessing whether a student needs extra conferences.');
    sentences.push(
      `The invitation is sent at least ${plural(c.invitationLeadDays, 'day', 'days')} before the conference.`,
    );
    if (c.studentPlan) {
      const what =
        c.studentPlan.form === 'student_plan'
          ? 'The student plan is sent home'
          : 'The message book is brought up to date';
      sentences.push(
        `${what} at least ${plural(c.studentPlan.leadDays, 'day', 'days')} before the conference, so parent and child can prepare together.`,
      );
    }
    if (c.studentsTakePart) sentences.push('The student takes part in the conference.');
    if (c.allPartiesAddTopics) sentences.push('Every party can put topics on the agenda.');
    if (c.testResults === 'included_not_central')
      sentences.push('Test results are discussed, but they are not the centre of the conference.');
    if (c.testResults === 'central') sentences.push('Test results are a central topic of the conference.');
    sentences.push(
      `Parents are told test results in writing within ${plural(c.testResultsInWritingWorkingDays, 'working day', 'working days')} of the result being recorded.`,
    );
    if (c.concreteAgreements) sentences.push('The conference ends in concrete agreements on who does what.');
    return sentences;
  },
  parentMeetings(p) {
    const count = plural(p.perYear, 'parent meeting', 'parent meetings');
    const sentences = [
      {
        firm: `Each class holds ${count} a year.`,
        at_least: `Each class holds at least ${count} a year.`,
        target: `The school aims for ${count} a year in each class.`,
      }[p.commitment],
    ];
    if (p.wellBeingPlanTopics)
      sentences.push("Topics from the school's well-being action plan are taken up at the parent meetings.");
    if (p.representativesHelpPlan)
      sentences.push('The class parent representatives can help plan and run the meetings.');
    return sentences;
  },
  communication(c) {
    const sentences: string[] = [];
    if (c.contactTeacherIsHub) {
      sentences.push(
        'The contact teacher is the hub of the collaboration with the home.',
        'Parents are told how and when they can reach the contact teacher.',
      );
    }
    if (c.responseTime) {
      const days = plural(c.responseTime.workingDays, 'working day', 'working days');
      sentences.push(
        `${c.responseTime.isTarget ? 'We aim to reply' : 'We reply'} to messages from parents within ${days} of receiving them.`,
      );
    }
    if (c.sensitiveMattersInPerson)
      sentences.push(
        'Complex or sensitive matters are handled by phone or in a meeting, where there is room for nuance and questions.',
      );
    if (c.quietHours) {
      const { from, to, weekends } = c.quietHours;
      sentences.push(`Staff receive no notifications between ${from} and ${to}${weekends ? ' or at weekends' : ''}.`);
    }
    if (c.studentMessages) {
      sentences.push(
        `From grade ${c.studentMessages.fromGrade}, students can write to their contact teacher themselves and get an answer within the same time.`,
        c.studentMessages.guardiansSee === 'content'
          ? 'Custody holders can read their child’s messages.'
          : 'Custody holders can see that and when their child writes to the school, but not what is written.',
      );
    }
    return sentences;
  },
  classUpdate: (band) => `In ${enGrades(band)}, the class writes home ${EN_CADENCE[band.cadence]}.`,
  earlyDialogue(e) {
    const kinds = joinList(
      e.concernKinds.map((k) => EN_CONCERN[k]),
      'or',
    );
    const channels = joinList(
      e.channels.map((c) => EN_CHANNEL[c]),
      'or',
    );
    return [
      `If ${kinds} challenges arise, the school contacts the home ${channels} within ${plural(e.contactWithinWorkingDays, 'working day', 'working days')} of the concern being registered.`,
    ];
  },
  involvementGrows: "Students' involvement in the conferences grows with age.",
  involvement(band) {
    const grades = enGrades(band);
    return {
      present: `In ${grades}, the student is present at the conference and is listened to.`,
      contributes: `In ${grades}, the student prepares and contributes to the conference.`,
      co_leads: `In ${grades}, the student presents their own goals and shares responsibility for the conference.`,
    }[band.level];
  },
  oversight(o) {
    const reports = plural(o.reportsPerYear, 'report', 'reports');
    return [
      o.boardSupervises
        ? `The school board supervises how the school lives up to the principle and receives ${reports} a year from the leadership.`
        : `The school's leadership writes ${reports} a year on how the school lives up to the principle.`,
    ];
  },
};

const PHRASES: Record<Locale, Phrases> = { da: DA, en: EN };

/** The text in the reader's language, or the Danish original where no English was written. */
function pick(text: TLocalizedText, locale: Locale): { text: string; lang: Locale } {
  return locale === 'en' && text.en ? { text: text.en, lang: 'en' } : { text: text.da, lang: 'da' };
}

function classUpdateSentences(rules: TClassUpdateRules, phrases: Phrases): string[] {
  return rules.bands.map((band) => phrases.classUpdate(band));
}

function involvementSentences(rules: TStudentInvolvementRules, phrases: Phrases): string[] {
  if (rules.bands.length === 0) return [];
  const grows = new Set(rules.bands.map((b) => b.level)).size > 1;
  return [...(grows ? [phrases.involvementGrows] : []), ...rules.bands.map((band) => phrases.involvement(band))];
}

function describeAspect(aspect: TGuidepostAspect, locale: Locale): TPrincipleDescription['aspects'][number] {
  const texts = [
    aspect.title,
    aspect.intro,
    ...aspect.meansThat.map((s) => s.text),
    ...aspect.seenWhen.map((s) => s.text),
  ];
  // One language per aspect: a half-translated list would read as two voices.
  const lang: Locale = locale === 'en' && texts.every((t) => t.en) ? 'en' : 'da';
  const inLang = (t: TLocalizedText) => pick(t, lang).text;
  const headings = PHRASES[lang];
  return {
    id: aspect.id,
    lang,
    title: inLang(aspect.title),
    intro: inLang(aspect.intro),
    meansThatHeading: headings.meansThat,
    meansThat: aspect.meansThat.map((s) => inLang(s.text)),
    seenWhenHeading: headings.seenWhen,
    seenWhen: aspect.seenWhen.map((s) => inLang(s.text)),
  };
}

export function describePrinciple(principle: TPrinciple, locale: Locale): TPrincipleDescription {
  const phrases = PHRASES[locale];
  const prose = PROSE_SECTION_IDS.flatMap((id) => {
    const text = principle.texts[id];
    if (!text) return [];
    const chosen = pick(text, locale);
    return [{ id, heading: phrases.prose[id], lang: chosen.lang, blocks: proseBlocks(chosen.text) }];
  });
  const candidates: Array<[RuleSectionId, string[]]> = [
    ['conferences', phrases.conferences(principle.conferences)],
    ['parent_meetings', principle.parentMeetings ? phrases.parentMeetings(principle.parentMeetings) : []],
    ['communication', phrases.communication(principle.communication)],
    ['class_updates', classUpdateSentences(principle.classUpdates, phrases)],
    ['early_dialogue', principle.earlyDialogue ? phrases.earlyDialogue(principle.earlyDialogue) : []],
    ['student_involvement', involvementSentences(principle.studentInvolvement, phrases)],
    ['oversight', phrases.oversight(principle.oversight)],
  ];
  return {
    locale,
    prose,
    rules: candidates
      .filter(([, sentences]) => sentences.length > 0)
      .map(([id, sentences]) => ({ id, heading: phrases.rules[id], sentences })),
    aspects: principle.aspects.filter((a) => a.adopted).map((aspect) => describeAspect(aspect, locale)),
  };
}
