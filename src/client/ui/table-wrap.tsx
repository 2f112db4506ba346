import { useEffect, useRef, type ReactNode } from 'react';

/** Names each body cell after its column header (`data-label`), which a phone shows before the cell's text. */
function labelCells(box: HTMLElement): void {
  for (const table of box.querySelectorAll('table')) {
    const headers = [...table.querySelectorAll('thead tr:last-child th')].map((th) => th.textContent?.trim() ?? '');
    for (const row of table.querySelectorAll('tbody tr')) {
      let column = 0;
      for (const cell of row.children) {
        const label = headers[column];
        if (cell.tagName === 'TD' && label) cell.setAttribute('data-label', label);
        column += Number(cell.getAttribute('colspan') ?? 1);
      }
    }
  }
}

/**
 * A table that reads as stacked rows on a phone (each cell named by its column, styles/app.css)
 * and as a table from a tablet up, scrolling sideways there if it must. The box can take keyboard
 * focus, so people who do not use a mouse can scroll it too (WCAG 2.1.1), and it is named after
 * its table.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    labelCells(element);
    // Rows come and go (a next page of the audit log, another language): label the new ones too.
    const observer = new MutationObserver(() => labelCells(element));
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
