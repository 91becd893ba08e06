import { useTranslation } from 'react-i18next';
import type { PublicationParameters } from '../../../shared/api/hub.schema.ts';
import { useColumnLabel } from './hub-columns.ts';
import { formatDecimal, formatDelta } from './hub-format.ts';

/**
 * A publication's guarantee in plain words, for the public page and the analyst's report.
 * k-anonymity: every combination of the quasi-identifiers is shared by at least k rows
 * (Sweeney 2002); distinct l-diversity: at least l values of the sensitive column in each
 * (Machanavajjhala et al. 2007); (ε, δ)-differential privacy (Dwork & Roth 2014, def. 2.4).
 */
export function useGuarantee(): (p: PublicationParameters) => string[] {
  const { t, i18n } = useTranslation();
  const column = useColumnLabel();
  const lang = i18n.language;
  const list = (cs: readonly string[]) => cs.map(column).join(t('common.listSeparator'));
  return (p) => {
    if (p.kind === 'microdata') {
      const lines = [t('hub.guarantee.k', { k: p.k, columns: list(p.qi) })];
      if (p.l) lines.push(t('hub.guarantee.l', { l: p.l.l, column: column(p.l.sensitive) }));
      lines.push(t('hub.guarantee.microdataRows'));
      return lines;
    }
    const dp = t('hub.guarantee.dp', {
      epsilon: formatDecimal(p.epsilon, lang),
      delta: formatDelta(p.delta, lang),
    });
    const counted = t('hub.guarantee.counted', {
      length: p.length,
      columns: p.columns ? list(p.columns) : t('hub.guarantee.defaultColumns'),
    });
    return p.kind === 'aggregates'
      ? [dp, counted, t('hub.guarantee.rareCells')]
      : [dp, counted, t('hub.guarantee.synthetic')];
  };
}

/** The kind of a publication in words. */
export function useKindLabel(): (kind: PublicationParameters['kind']) => string {
  const { t } = useTranslation();
  return (kind) => t(`hub.kind.${kind}`);
}
