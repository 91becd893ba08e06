import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileNamePart, saveJsonFile, type InstanceCard } from '../../api/instances-api.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { SafetyNumberView } from './SafetyNumberView.tsx';

/** This instance's card: the file a partner imports, and the digits read aloud to it. */
export function InstanceCardPanel({ card }: { card: InstanceCard }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="card-heading">
      <h2 id="card-heading">{t('partners.card.heading')}</h2>
      <p>{t('partners.card.intro', { name: card.name })}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          saveJsonFile(`${fileNamePart(card.name)}.card.lantern.json`, card);
          setStatus(t('partners.card.downloaded'));
        }}
      >
        {t('partners.card.download')}
      </button>
      <StatusMessage message={status} />
      <h3 id="own-fingerprint">{t('partners.card.fingerprint')}</h3>
      <SafetyNumberView digits={card.fingerprint} labelledBy="own-fingerprint" />
      <p className="hint">{t('partners.card.readAloud')}</p>
    </section>
  );
}
