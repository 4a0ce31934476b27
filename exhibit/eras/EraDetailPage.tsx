import { useParams } from 'react-router';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { EraDetail } from './EraDetail.tsx';

export default function EraDetailPage() {
  const { id = '' } = useParams();
  const era = useContent(`eras/${encodeURIComponent(id)}`);
  return <ContentGate state={era}>{(data) => <EraDetail era={data} />}</ContentGate>;
}
