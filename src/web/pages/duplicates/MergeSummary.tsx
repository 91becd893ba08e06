import { useTranslation } from 'react-i18next';
import type { MergeResult } from '../../../shared/api/duplicates.schema.ts';
import { Link } from '../../router/Link.tsx';

const PERSON_FIELDS = ['dateOfBirth', 'phone', 'email', 'documentNumber', 'address'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * What the merge left for a person to look at (MergeResult.review and consent conflicts), in
 * words: a field both records held differently, a plan or sensitive section both cases had,
 * a consent purpose withdrawn because the two histories disagreed.
 */
export function MergeSummary({ result }: { result: MergeResult }) {
  const { t } = useTranslation();
  const items = result.review.map((r) => {
    if (r.startsWith('person.')) {
      const field = r.slice('person.'.length);
      return (PERSON_FIELDS as readonly string[]).includes(field)
        ? t('duplicates.merge.reviewItem.person', { field: t(`person.${field as PersonField}`) })
        : t('duplicates.merge.reviewItem.other');
    }
    if (r === 'assistance_plans') return t('duplicates.merge.reviewItem.plan');
    if (r.startsWith('case_sensitive')) return t('duplicates.merge.reviewItem.sensitive');
    return t('duplicates.merge.reviewItem.other');
  });
  const consent = result.consent.conflicts.map((c) =>
    t('duplicates.merge.reviewItem.consent', {
      purpose: t(`consent.purpose.${c.purpose as 'assistance'}`),
    }),
  );
  const all = [...items, ...consent];
  return (
    <section aria-labelledby="duplicate-merged-heading" className="section panel">
      <h2 id="duplicate-merged-heading">{t('duplicates.merge.resultTitle')}</h2>
      <p>
        {t('duplicates.merge.resultKept', { kept: result.kept.reference })}{' '}
        <Link to={`/cases/${encodeURIComponent(result.kept.id)}`}>
          {t('duplicates.merge.openKept', { reference: result.kept.reference })}
        </Link>
      </p>
      {all.length > 0 ? (
        <>
          <p>{t('duplicates.merge.reviewIntro')}</p>
          <ul>
            {all.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('duplicates.merge.nothingToReview')}</p>
      )}
    </section>
  );
}
