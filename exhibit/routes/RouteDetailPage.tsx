import { useParams } from 'react-router';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { RouteDetail } from './RouteDetail.tsx';
import './strings.ts';
import './routes.css';

/** `/routes/:id?stop=N`: one route, stepped through stop by stop. */
export default function RouteDetailPage() {
  const { id = '' } = useParams();
  const route = useContent(`routes/${encodeURIComponent(id)}`);
  return <ContentGate state={route}>{(data) => <RouteDetail route={data} />}</ContentGate>;
}
