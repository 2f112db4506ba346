import type { TGuidepostAspectText } from '../../shared/principle/principle.schema.js';
import { deepFreeze } from './deep-freeze.js';

/**
 * Vejle Municipality's "Kvalitet i forældresamarbejdet – pejlemærker for pædagogisk praksis"
 * (seed 004): five aspects, each with "Det betyder, at" statements and "Det kan vi se, når"
 * indicators. The Danish text is the document's own, word for word; the English is ours.
 * Statement ids are stable so surveys can refer to an indicator across principle versions.
 */
export const GUIDEPOST_ASPECTS: readonly TGuidepostAspectText[] = deepFreeze([
  {
    id: 'communication',
    title: { da: 'Kommunikation', en: 'Communication' },
    intro: {
      da: 'Vores kommunikation er kendetegnet ved at være rettidig, ordentlig, konstruktiv og anerkendende. Kommunikationen er vigtig for at opbygge og vedligeholde gensidig tillid.',
      en: 'Our communication is timely, proper, constructive and appreciative. Communication is important for building and maintaining mutual trust.',
    },
    meansThat: [
      {
        id: 'form-fits-message',
        text: {
          da: 'kommunikationsformen tilpasses efter, hvad der skal kommunikeres, og hvem modtageren er.',
          en: 'the form of communication is adapted to what is to be communicated and who the recipient is.',
        },
      },
      {
        id: 'regular-clear-information',
        text: {
          da: 'forældrene modtager regelmæssigt klare informationer om klassefællesskabet og deres barns udvikling, trivsel og læring.',
          en: "parents regularly receive clear information about the class community and their child's development, well-being and learning.",
        },
      },
      {
        id: 'early-dialogue',
        text: {
          da: 'skolen tidligt inviterer til dialog, hvis der opstår udfordringer.',
          en: 'the school invites dialogue early if challenges arise.',
        },
      },
    ],
    seenWhen: [
      {
        id: 'write-call-or-meet',
        text: {
          da: 'vi skriver, ringer eller mødes afhængigt af situationen og modtageren.',
          en: 'we write, call or meet depending on the situation and the recipient.',
        },
      },
      {
        id: 'parents-well-informed',
        text: {
          da: 'forældrene er velinformerede og er trygge ved skolens dispositioner.',
          en: "parents are well informed and feel confident about the school's decisions.",
        },
      },
      {
        id: 'open-honest-constructive',
        text: {
          da: 'forældre og skole kommunikerer åbent, ærligt og konstruktivt med hinanden.',
          en: 'parents and school communicate openly, honestly and constructively with each other.',
        },
      },
    ],
  },
  {
    id: 'clear_roles',
    title: { da: 'Tydelig rollefordeling', en: 'Clear division of roles' },
    intro: {
      da: 'Rollefordelingen mellem skole og forældre er tydeligt defineret og kommunikeret, og vi har realistiske forventninger i samarbejdet.',
      en: 'The division of roles between school and parents is clearly defined and communicated, and we have realistic expectations of the collaboration.',
    },
    meansThat: [
      {
        id: 'different-expertise',
        text: {
          da: 'skole og forældre har forskellig ekspertise og ansvar.',
          en: 'school and parents have different expertise and responsibilities.',
        },
      },
      {
        id: 'supporting-role',
        text: {
          da: 'forældrene får en støttende frem for en kontrollerende rolle i deres barns læring.',
          en: "parents are given a supporting rather than a controlling role in their child's learning.",
        },
      },
      {
        id: 'differentiated-expectations',
        text: {
          da: 'vi er bevidste om behovet for differentieret forældresamarbejde og tilpasser vores forventninger derefter.',
          en: 'we are aware of the need for differentiated collaboration with parents and adjust our expectations accordingly.',
        },
      },
    ],
    seenWhen: [
      {
        id: 'school-solves-with-parents-knowledge',
        text: {
          da: 'skolen tager ansvaret for at løse udfordringer i skolen med inddragelse af forældrenes viden om barnet og den unge.',
          en: "the school takes responsibility for solving challenges at school, drawing on the parents' knowledge of the child or young person.",
        },
      },
      {
        id: 'inspiration-for-parents',
        text: {
          da: 'vi giver inspiration og viden til forældrene, så de kan støtte deres barns læring og trivsel.',
          en: "we give parents inspiration and knowledge so they can support their child's learning and well-being.",
        },
      },
      {
        id: 'clear-reasons',
        text: {
          da: 'vi er tydelige omkring de pædagogiske begrundelser for vores handlinger.',
          en: 'we are clear about the educational reasons for what we do.',
        },
      },
    ],
  },
  {
    id: 'involvement',
    title: { da: 'Inddragelse og samarbejde', en: 'Involvement and collaboration' },
    intro: {
      da: 'Vores samarbejde er tydeligt rammesat, og aktiviteterne i samarbejdet giver plads til dialog.',
      en: 'Our collaboration has a clear framework, and its activities leave room for dialogue.',
    },
    meansThat: [
      {
        id: 'decisions-about-own-child',
        text: {
          da: 'vi inddrager forældrene i beslutningsprocesser vedrørende deres eget barn.',
          en: 'we involve parents in decisions about their own child.',
        },
      },
      {
        id: 'forms-with-a-say',
        text: {
          da: 'vi arbejder med forskellige samarbejdsformer, der giver forældrene medindflydelse.',
          en: 'we use different forms of collaboration that give parents a say.',
        },
      },
      {
        id: 'dialogue-based-meetings',
        text: {
          da: 'vores mødeformer er dialogbaserede og faciliteres, så alle får en stemme.',
          en: 'our meetings are built on dialogue and facilitated so that everyone has a voice.',
        },
      },
    ],
    seenWhen: [
      {
        id: 'parents-contribute',
        text: {
          da: 'forældrene bidrager med deres perspektiver og løsningsforslag.',
          en: 'parents contribute their perspectives and suggestions for solutions.',
        },
      },
      {
        id: 'regular-feedback',
        text: {
          da: 'forældre og skole regelmæssigt udveksler informationer og feedback.',
          en: 'parents and school regularly exchange information and feedback.',
        },
      },
      {
        id: 'varied-methods',
        text: {
          da: 'Vi benytter forskellige metoder til at engagere forældrene og styrke dialogen.',
          en: 'we use different methods to engage parents and strengthen the dialogue.',
        },
      },
    ],
  },
  {
    id: 'parents_perspective',
    title: { da: 'Forældrenes perspektiv', en: "The parents' perspective" },
    intro: {
      da: 'Skole og forældre er gensidigt afhængige af hinanden, og forældrenes viden om deres barn er en vigtig ressource i vores arbejde.',
      en: "School and parents depend on each other, and the parents' knowledge of their child is an important resource in our work.",
    },
    meansThat: [
      {
        id: 'parents-as-resource',
        text: {
          da: 'vi ser alle forældre som en vigtig ressource og lærer af deres perspektiver.',
          en: 'we see all parents as an important resource and learn from their perspectives.',
        },
      },
      {
        id: 'open-and-curious',
        text: {
          da: 'vi er åbne og nysgerrige - også i forhold til det, der er svært.',
          en: 'we are open and curious, also about what is difficult.',
        },
      },
      {
        id: 'willing-to-learn',
        text: {
          da: 'vi er lydhøre og villige til at lære nyt og handle på nye måder.',
          en: 'we listen and are willing to learn and to act in new ways.',
        },
      },
    ],
    seenWhen: [
      {
        id: 'listen-actively',
        text: {
          da: 'vi lytter aktivt til forskellige stemmer.',
          en: 'we listen actively to different voices.',
        },
      },
      {
        id: 'concerns-heard',
        text: {
          da: 'forældrene deler deres bekymringer og bliver hørt.',
          en: 'parents share their concerns and are heard.',
        },
      },
      {
        id: 'try-new-initiatives',
        text: {
          da: 'vi sammen med forældrene finder og afprøver nye tiltag.',
          en: 'together with parents we find and try out new initiatives.',
        },
      },
    ],
  },
  {
    id: 'strategic_view',
    title: { da: 'Det strategiske blik', en: 'The strategic view' },
    intro: {
      da: 'Vi forankrer forældresamarbejdet i skolens strategiske arbejde og forstærker kvaliteten sammen. Vi har et ressourceorienteret syn i forældresamarbejdet, hvor vi fokuserer på, at alle forældre bidrager og er en ressource i barnets og den unges udvikling. Skolens principper for forældresamarbejdet afspejler dette.',
      en: "We anchor the collaboration with parents in the school's strategic work and strengthen its quality together. We take a resource-oriented view of the collaboration, focusing on how every parent contributes and is a resource in the development of the child or young person. The school's principles for the collaboration with parents reflect this.",
    },
    meansThat: [
      {
        id: 'capacity-building',
        text: {
          da: 'vi udvikler og forstærker kvaliteten i forældresamarbejdet gennem systematisk kapacitetsopbygning og fælles indsats.',
          en: 'we develop and strengthen the quality of the collaboration with parents through systematic capacity building and joint effort.',
        },
      },
      {
        id: 'principles',
        text: {
          da: 'vi har principper for samarbejdet med forældrene.',
          en: 'we have principles for the collaboration with parents.',
        },
      },
      {
        id: 'digital-guidelines',
        text: {
          da: 'vi har retningslinjer for den digitale kommunikation i forældresamarbejdet.',
          en: 'we have guidelines for digital communication with parents.',
        },
      },
    ],
    seenWhen: [
      {
        id: 'core-task-communicated',
        text: {
          da: 'skolens kerneopgave, værdier og ordensregler kommunikeres tydeligt til forældrene.',
          en: "the school's core task, values and rules of conduct are communicated clearly to parents.",
        },
      },
      {
        id: 'know-when-to-write-call-meet',
        text: {
          da: 'vi ved, hvornår vi skal skrive, ringe eller mødes med forældrene.',
          en: 'we know when to write to, call or meet parents.',
        },
      },
      {
        id: 'develop-and-evaluate',
        text: {
          da: 'vi udvikler, afprøver og evaluerer forskellige tilgange til samarbejdet i fællesskab.',
          en: 'together we develop, try out and evaluate different approaches to the collaboration.',
        },
      },
    ],
  },
]);
