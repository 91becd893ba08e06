import type en from '../../shared/i18n/locales/en.json';

// Typed keys: `t('cases.title')` fails to compile when the English catalogue lacks the key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
