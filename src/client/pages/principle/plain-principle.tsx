import { useTranslation } from 'react-i18next';
import { principleContracts } from '../../../shared/api/principle.contract.js';
import type { TPrincipleDescription, TPublicPrincipleResponse } from '../../../shared/api/principle.schema.js';
import { useApiQuery } from '../../app/query.js';
import { isLocale } from '../../i18n/i18n.js';
import { LoadedPart } from '../../ui/errors.js';
import { formatDate } from '../../ui/format.js';

type Level = 2 | 3;

function Heading({ level, children, id }: { level: Level; children: string; id?: string }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}
function SubHeading({ level, children }: { level: Level; children: string }) {
  return level === 2 ? <h3>{children}</h3> : <h4>{children}</h4>;
}

/**
 * A principle in plain language: the promises as sentences, the board's own words, and the
 * adopted aspects with what they mean and how one can see them. Texts the school wrote only in
 * Danish carry `lang="da"` on an English page.
 */
export function PrincipleDescription({
  description,
  headingLevel = 2,
}: {
  description: TPrincipleDescription;
  headingLevel?: Level;
}) {
  const { t } = useTranslation();
  const sub = (headingLevel + 1) as Level;
  return (
    <div className="principle">
      {description.rules.length > 0 ? (
        <section aria-labelledby="principle-promises" className="section">
          <Heading level={headingLevel} id="principle-promises">
            {t('principle.promises')}
          </Heading>
          {description.rules.map((rule) => (
            <div key={rule.id} className="rule">
              <SubHeading level={sub}>{rule.heading}</SubHeading>
              <ul>
                {rule.sentences.map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      {description.prose.length > 0 ? (
        <section aria-labelledby="principle-words" className="section">
          <Heading level={headingLevel} id="principle-words">
            {t('principle.boardWords')}
          </Heading>
          {description.prose.map((section) => (
            <div
              key={section.id}
              lang={section.lang === description.locale ? undefined : section.lang}
              className="prose"
            >
              <SubHeading level={sub}>{section.heading}</SubHeading>
              {section.blocks.map((block, index) =>
                block.kind === 'paragraph' ? (
                  <p key={index}>{block.text}</p>
                ) : (
                  <ul key={index}>
                    {block.items.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                ),
              )}
            </div>
          ))}
        </section>
      ) : null}
      {description.aspects.length > 0 ? (
        <section aria-labelledby="principle-aspects" className="section">
          <Heading level={headingLevel} id="principle-aspects">
            {t('principle.aspects')}
          </Heading>
          <p>{t('principle.aspectsLead')}</p>
          {description.aspects.map((aspect) => (
            <article
              key={aspect.id}
              className="aspect"
              lang={aspect.lang === description.locale ? undefined : aspect.lang}
            >
              <SubHeading level={sub}>{aspect.title}</SubHeading>
              <p>{aspect.intro}</p>
              <div className="aspect__columns">
                <div>
                  <p className="aspect__label">{aspect.meansThatHeading}</p>
                  <ul>
                    {aspect.meansThat.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </div>
                <div>
                  <p className="aspect__label">{aspect.seenWhenHeading}</p>
                  <ul>
                    {aspect.seenWhen.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </div>
              </div>
            </article>
          ))}
        </section>
      ) : null}
    </div>
  );
}

export function AdoptionLine({
  data,
}: {
  data: Pick<TPublicPrincipleResponse, 'version' | 'adoptedOn' | 'adoptedBy'>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <p className="lead">
      {t('principle.adoptedLine', {
        version: data.version,
        date: formatDate(data.adoptedOn, i18n.language),
        by: data.adoptedBy,
      })}
    </p>
  );
}

/** The adopted principle of a school in the reader's language, loaded by the school's public address. */
export function PlainPrinciple({
  slug,
  headingLevel = 2,
  showAdoption = false,
}: {
  slug: string;
  headingLevel?: Level;
  showAdoption?: boolean;
}) {
  const { i18n } = useTranslation();
  const lang = isLocale(i18n.language) ? i18n.language : 'da';
  const result = useApiQuery(principleContracts.public, { params: { slug }, query: { lang } });
  return (
    <LoadedPart result={result}>
      {(data) => (
        <>
          {showAdoption ? <AdoptionLine data={data} /> : null}
          <PrincipleDescription description={data.description} headingLevel={headingLevel} />
        </>
      )}
    </LoadedPart>
  );
}
