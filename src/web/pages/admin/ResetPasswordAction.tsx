import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/api/users.schema.ts';
import { usersApi } from '../../api/users-api.ts';
import { errorMessage } from '../../lib/error-message.ts';

interface Props {
  user: User;
  onReset: (oneTimePassword: string) => void;
  onError: (message: string) => void;
}

/** "Reset password", then a confirmation: the old password stops working at once. */
export function ResetPasswordAction({ user, onReset, onError }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const name = user.displayName;

  const reset = async () => {
    setConfirming(false);
    try {
      onReset((await usersApi.resetPassword(user.id)).oneTimePassword);
    } catch (e) {
      onError(errorMessage(t, e));
    }
  };

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--secondary"
        aria-label={t('admin.users.resetPasswordOf', { name })}
        onClick={() => setConfirming(true)}
      >
        {t('admin.users.resetPassword')}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={t('admin.users.resetPasswordOf', { name })}>
      <span>{t('admin.users.resetConfirmText')}</span>
      <button
        type="button"
        className="button button--danger"
        onClick={() => void reset()}
        autoFocus
      >
        {t('admin.users.resetConfirm')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setConfirming(false)}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
