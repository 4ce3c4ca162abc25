/**
 * Taro's component types leave out ARIA attributes. H5 passes them through to the
 * element; the mini-program keeps what it supports. Spread the result onto a View.
 */
export const a11y = (role: string, label?: string): Record<string, string> =>
  label === undefined ? { role } : { role, 'aria-label': label };
