import { useTranslation } from 'react-i18next';

/**
 * A fingerprint as 12 groups of 5 digits (src/shared/instances/safety-number.ts), laid out for
 * reading aloud: left to right in every language, each group numbered for "group 7 is …".
 */
export function SafetyNumberView({ digits, labelledBy }: { digits: string; labelledBy: string }) {
  const { t } = useTranslation();
  const groups = digits.split(/\s+/).filter((g) => g !== '');
  return (
    <ol className="safety-number" dir="ltr" aria-labelledby={labelledBy}>
      {groups.map((g, i) => (
        <li
          key={i}
          aria-label={t('partners.card.group', { n: i + 1, digits: g.split('').join(' ') })}
        >
          <code>{g}</code>
        </li>
      ))}
    </ol>
  );
}
