import { useEffect } from 'react';
import { navigate } from './history.ts';

/** Replaces the current URL with `to` after render (for "/" and guarded pages). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
