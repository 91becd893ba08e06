import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePairDetail } from '../../../shared/api/duplicates.schema.ts';
import { FactList, type Fact } from '../../components/FactList.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { useCountryName } from '../../lib/countries.ts';
import { formatDate } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';

type Side = DuplicatePairDetail['a'];
type PersonKey = keyof Side['person'];

const PERSON_FIELDS: readonly PersonKey[] = [
  'givenName',
  'familyName',
  'aliases',
  'dateOfBirth',
  'phone',
  'email',
  'documentNumber',
  'address',
];

const asText = (v: string | string[] | null): string =>
  Array.isArray(v) ? v.join(', ') : (v ?? '');

/**
 * The two records side by side, the same facts in the same order; a fact the two records hold
 * with different values says so in words ("differs"), not by colour.
 */
export function PairSides({ pair }: { pair: DuplicatePairDetail }) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const country = useCountryName();
  const none = t('common.notRecorded');

  const facts = (side: Side, other: Side): Fact[] => {
    const mark = (differs: boolean, value: ReactNode) =>
      differs ? (
        <>
          {value} <span className="reunite-differs">({t('duplicates.pair.differs')})</span>
        </>
      ) : (
        value
      );
    const person = PERSON_FIELDS.map((k) => {
      const v = side.person[k];
      const o = other.person[k];
      const text = asText(v);
      const differs = text !== '' && asText(o) !== '' && text !== asText(o);
      const dirOf = k === 'phone' || k === 'email' || k === 'documentNumber' || k === 'dateOfBirth';
      return {
        label: t(`person.${k}`),
        value: mark(differs, text ? <bdi dir={dirOf ? 'ltr' : 'auto'}>{text}</bdi> : none),
      };
    });
    return [
      {
        label: t('duplicates.pair.case'),
        value: (
          <Link to={`/cases/${encodeURIComponent(side.id)}`}>
            <bdi dir="ltr">{side.reference}</bdi>
          </Link>
        ),
      },
      { label: t('duplicates.pair.stage'), value: t(`casework.stage.${side.stage}`) },
      {
        label: t('duplicates.pair.registered'),
        value: formatDate(side.registrationDate, i18n.language),
      },
      ...person,
      {
        label: t('person.gender'),
        value: mark(
          side.gender !== other.gender,
          labels.gender(side.gender as Parameters<typeof labels.gender>[0]),
        ),
      },
      {
        label: t('duplicates.pair.citizenship'),
        value: mark(side.citizenship !== other.citizenship, country(side.citizenship)),
      },
      {
        label: t('duplicates.pair.age'),
        value: side.ageAtRegistration ?? none,
      },
      {
        label: t('duplicates.pair.pendingApprovals'),
        value: side.pendingApprovals,
      },
    ];
  };

  return (
    <div className="reunite-sides">
      {[
        [pair.a, pair.b, 'a'],
        [pair.b, pair.a, 'b'],
      ].map(([side, other, which]) => {
        const s = side as Side;
        return (
          <section key={which as string} aria-labelledby={`duplicate-side-${which as string}`}>
            <h2 id={`duplicate-side-${which as string}`}>
              {t('duplicates.pair.side', { reference: s.reference })}
            </h2>
            <FactList facts={facts(s, other as Side)} />
          </section>
        );
      })}
    </div>
  );
}
