import { NotFound } from './NotFound.tsx';

/** The route for any address the app does not know. Default export for React.lazy. */
export default function NotFoundPage() {
  return <NotFound />;
}
