import type { ReactNode } from 'react';

type Kind = 'info' | 'success' | 'warning' | 'error';

/** A calm message box. Errors and successes are announced as they appear (aria-live regions). */
export function Notice({
  kind = 'info',
  title,
  children,
  live = kind === 'error' || kind === 'success',
}: {
  kind?: Kind;
  title?: string;
  children?: ReactNode;
  live?: boolean;
}) {
  return (
    <div className={`notice notice--${kind}`} role={live ? (kind === 'error' ? 'alert' : 'status') : undefined}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}
