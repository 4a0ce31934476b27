/** Loading and error states for a page's data, with a retry button. */
import type { ReactNode } from 'react';
import { Loading } from '../app/Loading.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import type { Loaded } from './useFetch.ts';

export function LoadState<T>({ state, retry, children }: { state: Loaded<T>; retry: () => void; children: (data: T) => ReactNode }) {
  const { t } = useCuratorT();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <div>
        <ProblemMessage error={state.error} />
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  return <>{children(state.data)}</>;
}
