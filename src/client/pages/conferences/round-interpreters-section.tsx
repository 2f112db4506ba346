import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import { ZCreateInterpreter, type TRound, type TRoundInterpreters } from '../../../shared/api/conference.schema.js';
import { api } from '../../api/http.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { Section } from '../../ui/page.js';
import { useRoundText } from './round-text.js';

type Interpreter = TRoundInterpreters['interpreters'][number];

/** One interpreter: their languages, and a tick for each of the round's afternoons they can come. */
function InterpreterTimes({ round, interpreter }: { round: TRound; interpreter: Interpreter }) {
  const text = useRoundText();
  const save = useAction(
    (dates: string[]) =>
      api(conferenceContracts.setInterpreterTimes, {
        params: { schoolId: round.schoolId, roundId: round.id, interpreterId: interpreter.id },
        body: { times: round.days.filter((day) => dates.includes(day.date)) },
      }),
    { invalidates: [conferenceContracts.roundInterpreters] },
  );
  const chosen = interpreter.times.map((time) => time.date);
  return (
    <fieldset className="choice-group">
      <legend>
        {interpreter.name} ({interpreter.languages.join(', ')})
      </legend>
      {round.days.map((day) => (
        <label key={day.date} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(day.date)}
            disabled={save.busy}
            onChange={(event) =>
              void save.run(event.target.checked ? [...chosen, day.date] : chosen.filter((date) => date !== day.date))
            }
          />
          <span>{text.day(day)}</span>
        </label>
      ))}
      <ActionError error={save.error} />
    </fieldset>
  );
}

/**
 * The school's interpreters for a planned round: who speaks which language and which of the
 * round's afternoons each can come. Homes whose record says they need an interpreter get one of
 * their language, and their meetings are 1.5 times as long.
 */
export function RoundInterpretersSection({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const interpreters = useApiQuery(conferenceContracts.roundInterpreters, {
    params: { schoolId: round.schoolId, roundId: round.id },
  });
  const [name, setName] = useState('');
  const [languages, setLanguages] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useAction(
    (input: { name: string; languages: string[] }) =>
      api(conferenceContracts.createInterpreter, { params: { schoolId: round.schoolId }, body: input }),
    { invalidates: [conferenceContracts.roundInterpreters] },
  );
  const submit = () => {
    const checked = ZCreateInterpreter.safeParse({
      name,
      languages: languages
        .split(/[\s,]+/)
        .map((code) => code.trim().toLowerCase())
        .filter(Boolean),
    });
    if (!checked.success) {
      setProblem(t('roundInterpreters.badInput'));
      return;
    }
    setProblem(null);
    void add.run(checked.data).then((done) => {
      if (!done) return;
      setName('');
      setLanguages('');
    });
  };
  return (
    <Section title={t('roundInterpreters.title')} id="interpreters">
      <div className="stack">
        <p>{t('roundInterpreters.lead')}</p>
        <LoadedPart result={interpreters}>
          {(data) =>
            data.interpreters.length === 0 ? (
              <p>{t('roundInterpreters.none')}</p>
            ) : (
              <div className="stack">
                {data.interpreters.map((interpreter) => (
                  <InterpreterTimes key={interpreter.id} round={round} interpreter={interpreter} />
                ))}
              </div>
            )
          }
        </LoadedPart>
        <form
          className="stack-sm"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h3>{t('roundInterpreters.addTitle')}</h3>
          <div className="inline-fields">
            <TextField
              label={t('roundInterpreters.name')}
              value={name}
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
            />
            <TextField
              label={t('roundInterpreters.languages')}
              hint={t('roundInterpreters.languagesHint')}
              value={languages}
              onChange={(event) => setLanguages(event.target.value)}
              error={problem ?? undefined}
            />
          </div>
          <ActionError error={add.error} />
          <p>
            <button type="submit" className="button button--secondary" disabled={add.busy}>
              {t('roundInterpreters.add')}
            </button>
          </p>
        </form>
      </div>
    </Section>
  );
}
