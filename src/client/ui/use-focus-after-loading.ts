import { useEffect, useRef } from 'react';
import { useNavigationType } from 'react-router';

/**
 * Called by a page's content as it appears in place of a loading state. After a link was
 * followed, the layout focuses the heading that is on screen, which is often still the loading
 * state's ("Henter …"); when the loaded page replaces it, that focus falls to the document's body,
 * and the next Tab starts again at the top of the page. The new page's heading takes it back, so
 * it is announced and Tab goes on from there. Focus the reader has put anywhere else stays, the
 * page does not scroll, and the first load of the app (a POP, as are back and forward) is left alone,
 * as the layout leaves it.
 */
export function useFocusAfterLoading(): void {
  // How the page was reached as its content appeared: later, focus is the reader's.
  const reachedBy = useRef(useNavigationType());
  useEffect(() => {
    if (reachedBy.current === 'POP') return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, []);
}
