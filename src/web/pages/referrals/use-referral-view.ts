import { useState } from 'react';
import { useResource } from '../../lib/use-resource.ts';
import type { ActionOutcome } from './ReceiverActions.tsx';

/**
 * One referral as a page shows it, with what the last answer said: after an answer, or when
 * someone else answered first (a conflict), the referral is read again to show what is true now.
 */
export function useReferralView<T>(key: string, load: () => Promise<T>) {
  const { state, reload } = useResource(key, load);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const outcome = (o: ActionOutcome) => {
    if (o.kind === 'done') {
      setAlert(null);
      setStatus(o.message);
      reload();
    } else {
      setStatus(null);
      setAlert(o.message);
      if (o.kind === 'conflict') reload();
    }
  };
  return { state, status, alert, outcome };
}
