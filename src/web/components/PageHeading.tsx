import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasNavigated } from '../router/history.ts';

interface Props {
  /** The page's name, also used for the document title. */
  title: string;
  children?: ReactNode;
}

/**
 * The page's <h1>. After an in-app navigation it takes focus, so keyboard and screen-reader
 * users start at the new page's top instead of where the old page's link was.
 */
export function PageHeading({ title, children }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
