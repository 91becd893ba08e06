import { useTranslation } from 'react-i18next';
import type { FieldComparison } from '../../../shared/linkage/types.ts';
import { barShare, explain, formatProbability, formatWeight } from './explanation.ts';
import './reunite.css';

interface Props {
  fields: readonly FieldComparison[];
  probability: number;
  /** Names the list for assistive technology ("Why case LNT-… may be the same person"). */
  label: string;
}

/**
 * The match probability and, per field, how the two records compared and how much that
 * weighed, in words: "Family name: same name in another script (+6.2)". The bar beside each
 * line only repeats the number (hidden from assistive technology); agreeing and disagreeing
 * evidence differ by sign, word and pattern, not by colour alone.
 */
export function MatchExplanation({ fields, probability, label }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const items = explain(fields);
  const largest = Math.max(0, ...items.map((i) => Math.abs(i.weight)));
  return (
    <div className="match-explanation">
      <p className="match-explanation__probability">
        {t('duplicates.explain.probability', { value: formatProbability(probability, lang) })}
      </p>
      <ul className="match-explanation__list" aria-label={label}>
        {items.map((f, i) => (
          <li key={`${f.field}-${i}`} className={`match-explanation__item is-${f.direction}`}>
            <span className="match-explanation__text">
              {t('duplicates.explain.line', {
                field: t(`duplicates.explain.field.${f.field}`),
                level: t(`duplicates.explain.level.${f.level}`),
                weight: formatWeight(f.weight, lang),
              })}
            </span>
            <span className="match-explanation__track" aria-hidden="true">
              <span
                className="match-explanation__bar"
                style={{ inlineSize: `${Math.round(barShare(f.weight, largest) * 100)}%` }}
              />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
