import type { ReactNode } from 'react';
import type { ContentState } from '../api/useContent.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { Loading } from '../app/Loading.tsx';

/** Loading until every request answered; the first failure (with a retry) if one failed. */
export function StoryGate({ states, children }: { states: ContentState<unknown>[]; children: () => ReactNode }) {
  const failed = states.find((s) => s.status === 'error');
  if (failed?.status === 'error') return <ErrorMessage error={failed.error} onRetry={failed.retry} level={2} />;
  if (states.some((s) => s.status === 'loading')) return <Loading />;
  return <>{children()}</>;
}
