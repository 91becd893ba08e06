/**
 * <input> attributes by the kind of value typed, so that the directory's forms offer the same
 * keyboard and direction for the same kind: figures, codes, phone numbers, e-mail and web
 * addresses are left-to-right whatever the page's direction; names, postal addresses and free
 * text follow what is typed (`dir="auto"`).
 */
export const WHOLE_NUMBER = { inputMode: 'numeric', autoComplete: 'off' } as const;
export const COORDINATE = { dir: 'ltr', inputMode: 'decimal', autoComplete: 'off' } as const;
export const CODE_LIST = { dir: 'ltr', autoComplete: 'off' } as const;
export const FREE_TEXT = { dir: 'auto', autoComplete: 'off' } as const;
export const PHONE = { type: 'tel', dir: 'ltr', autoComplete: 'off' } as const;
export const EMAIL = { type: 'email', dir: 'ltr', autoComplete: 'off' } as const;
export const WEB_ADDRESS = { type: 'url', dir: 'ltr', autoComplete: 'off' } as const;
