import type { ReactNode } from 'react';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { Loading } from '../app/Loading.tsx';
import { NotFound } from '../app/NotFound.tsx';
import type { ContentState } from './useContent.ts';

/**
 * Shows a content request's state: a loading indicator, a not-found page for a 404, a clear error
 * with a retry button otherwise, or the content.
 */
export function ContentGate<T>({
  state,
  children,
  level = 1,
}: {
  state: ContentState<T>;
  children: (data: T) => ReactNode;
  /** The heading level for the error and not-found messages: 1 where the page has no heading yet. */
  level?: 1 | 2;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    if (state.error.status === 404) return <NotFound level={level} />;
    return <ErrorMessage error={state.error} onRetry={state.retry} level={level} />;
  }
  return children(state.data);
}
