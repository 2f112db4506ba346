import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a phone. The scrolling box can take keyboard focus, so
 * people who do not use a mouse can scroll it too (WCAG 2.1.1), and it is named after its table.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
