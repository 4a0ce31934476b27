import { useEffect } from 'react';
import { useCuratorT } from './strings.ts';

/** `<title>` for a console page. */
export function useConsoleTitle(title: string) {
  const { t } = useCuratorT();
  useEffect(() => {
    document.title = `${title} · ${t('console.title')}`;
  }, [title, t]);
}
