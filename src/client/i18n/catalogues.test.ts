import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ZRole } from '../../shared/api/directory.schema.js';
import { ZPrincipleStatus } from '../../shared/api/principle.schema.js';
import { ZInformationRequestStatus } from '../../shared/api/information-request.schema.js';
import { ZSessionMethod } from '../../shared/api/auth.schema.js';
import { AUDIT_ACTIONS } from '../../shared/api/audit.schema.js';
import { ZPromiseStatus, ZSensitiveTopic, ZWritingAdvice } from '../../shared/api/messaging.schema.js';
import {
  ASPECT_IDS,
  PROSE_SECTION_IDS,
  STUDENT_INVOLVEMENT_LEVELS,
  ZCommitment,
  ZConcernKind,
  ZPersonalChannel,
  ZStudentPlanForm,
  ZTestResultsRole,
  ZUpdateCadence,
} from '../../shared/principle/principle.schema.js';
import i18next from 'i18next';
import da from './da.json';
import { addFormats } from './i18n.js';
import en from './en.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const danish = flatten(da);
const english = flatten(en);
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A key as the code asks for it: `child.replyPromise` stands for its `_one` and `_other` forms. */
const has = (catalogue: Map<string, string>, key: string) => catalogue.has(key) || catalogue.has(`${key}_other`);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1] ?? '').sort();

const clientDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('translation catalogues', () => {
  it('have exactly the same keys in Danish and English', () => {
    const onlyDanish = [...danish.keys()].filter((k) => !english.has(k));
    const onlyEnglish = [...english.keys()].filter((k) => !danish.has(k));
    expect({ onlyDanish, onlyEnglish }).toEqual({ onlyDanish: [], onlyEnglish: [] });
  });

  it('have no empty texts', () => {
    const empty = [...danish, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...danish.keys()].filter(
      (key) => english.has(key) && placeholders(danish.get(key)!).join() !== placeholders(english.get(key)!).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('give every plural both its one and other form', () => {
    const plurals = [...danish.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''));
    const incomplete = [...new Set(plurals)].filter(
      (base) => !danish.has(`${base}_one`) || !danish.has(`${base}_other`),
    );
    expect(incomplete).toEqual([]);
  });

  it('hold every key the client asks for by name', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(clientDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !has(danish, key))).toEqual([]);
  });

  it('hold a text for every value of the shared enums the client shows', () => {
    const families: Array<[string, readonly string[]]> = [
      ['roles', ZRole.options],
      ['principle.status', ZPrincipleStatus.options],
      ['informationRequests.status', ZInformationRequestStatus.options],
      ['profile.sessions.methods', ZSessionMethod.options],
      ['messages.promise', ZPromiseStatus.options],
      ['messages.advice.topics', ZSensitiveTopic.options],
      ['messages.advice.band', ZWritingAdvice.shape.band.options],
      ['draft.texts', PROSE_SECTION_IDS],
      ['draft.aspectNames', ASPECT_IDS],
      ['draft.options.commitment', ZCommitment.options],
      ['draft.options.cadence', ZUpdateCadence.options],
      ['draft.options.level', STUDENT_INVOLVEMENT_LEVELS],
      ['draft.options.concern', ZConcernKind.options],
      ['draft.options.channel', ZPersonalChannel.options],
      ['draft.options.testResults', ZTestResultsRole.options],
      ['draft.options.planForm', ZStudentPlanForm.options],
      ['audit.actions', Object.keys(AUDIT_ACTIONS).map((action) => action.replace(/[.-]/g, '_'))],
    ];
    const missing = families
      .flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`))
      .filter((key) => !danish.has(key));
    expect(missing).toEqual([]);
  });

  it('use the glossary words in Danish', () => {
    expect(danish.get('child.contactTeacher')).toBe('Kontaktlærer');
    expect(danish.get('home.informationRight')).toBe('Orienteringsret');
    expect(danish.get('guardian.relation.custody')).toBe('Forældremyndighed');
    expect(danish.get('principle.title')).toContain('skole-hjem-samarbejde');
    expect(danish.get('child.replyPromise_other')).toBe(
      'Vi svarer senest {{count}} arbejdsdage efter din henvendelse.',
    );
  });

  it('write a name in the Danish genitive where a text asks for it', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { da: { translation: da } }, lng: 'da', interpolation: { escapeValue: false } });
    addFormats(instance);
    const after = (child: string) => instance.t('conferenceBooking.nextToAfter', { time: '14.20', child });
    expect(after('Emma')).toBe('14.20 – lige efter Emmas samtale');
    expect(after('Lukas')).toBe("14.20 – lige efter Lukas' samtale");
  });
});
