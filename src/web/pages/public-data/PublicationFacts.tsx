import { useTranslation } from 'react-i18next';
import type { PublicPublication } from '../../../shared/api/hub.schema.ts';
import { FactList } from '../../components/FactList.tsx';
import { formatDate } from '../../lib/format.ts';
import { formatCount } from '../hub/hub-format.ts';
import { useGuarantee, useKindLabel } from '../hub/publication-words.ts';

/** What a released publication is, where it comes from and what protects it, in plain words. */
export function PublicationFacts({
  p,
  headingLevel,
}: {
  p: PublicPublication;
  headingLevel: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const kind = useKindLabel();
  const guarantee = useGuarantee();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <FactList
        facts={[
          { label: t('publicData.kind'), value: kind(p.kind) },
          {
            label: t('publicData.released'),
            value: <time dateTime={p.releasedAt}>{formatDate(p.releasedAt, lang)}</time>,
          },
          {
            label: p.kind === 'aggregates' ? t('publicData.counts') : t('publicData.rows'),
            value: formatCount(p.rowCount, lang),
          },
          {
            label: t('publicData.sources'),
            value: (
              <ul className="public-list">
                {p.sources.map((s, i) => (
                  <li key={i}>
                    <bdi>{s.label}</bdi>{' '}
                    {t('publicData.sourceFacts', {
                      kind: t(`hub.sourceKind.${s.kind}`),
                      rows: formatCount(s.rowCount, lang),
                    })}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <Heading className="public-guarantee__heading">{t('publicData.guarantee')}</Heading>
      <ul className="public-guarantee">
        {guarantee(p.parameters).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
