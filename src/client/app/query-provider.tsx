import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from './query.js';

/**
 * Holds the web app's query cache. The server writes some sentences in the reader's language
 * (absence notices, error texts), so a language switch marks every cached answer stale.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries();
    i18n.on('languageChanged', refresh);
    return () => i18n.off('languageChanged', refresh);
  }, [i18n, queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
