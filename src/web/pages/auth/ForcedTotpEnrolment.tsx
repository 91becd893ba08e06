import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSession } from '../../session/session-context.ts';
import { TotpEnrolment } from './TotpEnrolment.tsx';

/** Shown instead of any page while the organisation requires two-factor sign-in and it is off. */
export function ForcedTotpEnrolment() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <div className="narrow">
      <PageHeading title={t('totp.forcedTitle')} />
      <p>{t('totp.forcedIntro')}</p>
      <TotpEnrolment onEnabled={() => void refresh()} />
    </div>
  );
}
