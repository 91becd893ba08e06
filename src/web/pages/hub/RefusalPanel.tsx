import { useTranslation } from 'react-i18next';
import type { Refusal } from './hub-errors.ts';

/** A refusal, said as an alert; the server's figures follow in a disclosure (English). */
export function RefusalPanel({ refusal }: { refusal: Refusal | null }) {
  const { t } = useTranslation();
  return (
    <div className="form-alert">
      {refusal && (
        <div role="alert" className="alert alert--error">
          <p>{refusal.message}</p>
          {refusal.detail && (
            <details>
              <summary>{t('hub.refusal.detail')}</summary>
              <p lang="en" dir="ltr">
                {refusal.detail}
              </p>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
