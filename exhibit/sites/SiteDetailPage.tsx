import { useParams } from 'react-router';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { SiteDetail } from './SiteDetail.tsx';

export default function SiteDetailPage() {
  const { id = '' } = useParams();
  const site = useContent(`sites/${encodeURIComponent(id)}`);
  return <ContentGate state={site}>{(data) => <SiteDetail site={data} />}</ContentGate>;
}
