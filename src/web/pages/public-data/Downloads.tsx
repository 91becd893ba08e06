import { useTranslation } from 'react-i18next';
import type { HubLayout } from '../../../shared/api/hub.schema.ts';
import { publicDownloadUrl } from '../../api/hub-api.ts';

const FORMATS = ['csv', 'xlsx'] as const;

/**
 * CSV and XLSX links of a released file, and of the file converted to the CTDC synthetic layout
 * when the publication offers it (`layouts`); the title is in the name for screen readers.
 */
export function Downloads({
  id,
  title,
  layouts,
}: {
  id: string;
  title: string;
  layouts: readonly HubLayout[];
}) {
  const { t } = useTranslation();
  const synthetic = layouts.includes('synthetic');
  const link = (format: (typeof FORMATS)[number], layout: HubLayout, label: string) => (
    <li key={`${layout}-${format}`}>
      <a className="button button--secondary" href={publicDownloadUrl(id, format, layout)} download>
        {label}
        <span className="visually-hidden"> {t('publicData.download.of', { title })}</span>
      </a>
    </li>
  );
  return (
    <>
      <ul className="public-downloads">
        {FORMATS.map((format) => link(format, 'global', t(`publicData.download.${format}`)))}
        {synthetic &&
          FORMATS.map((format) =>
            link(format, 'synthetic', t(`publicData.download.synthetic.${format}`)),
          )}
      </ul>
      {synthetic && <p className="muted">{t('publicData.download.synthetic.hint')}</p>}
    </>
  );
}
