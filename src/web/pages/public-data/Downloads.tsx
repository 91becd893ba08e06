import { useTranslation } from 'react-i18next';
import { publicDownloadUrl } from '../../api/hub-api.ts';

/** CSV and XLSX links of a released file; the title is in the name for screen readers. */
export function Downloads({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  return (
    <ul className="public-downloads">
      {(['csv', 'xlsx'] as const).map((format) => (
        <li key={format}>
          <a className="button button--secondary" href={publicDownloadUrl(id, format)} download>
            {t(`publicData.download.${format}`)}
            <span className="visually-hidden"> {t('publicData.download.of', { title })}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
