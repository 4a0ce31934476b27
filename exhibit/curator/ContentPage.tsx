/** The console's start: every collection of the content pack, with how many entities are in the draft. */
import { Link } from 'react-router';
import { Loading } from '../app/Loading.tsx';
import { LoadState } from './LoadState.tsx';
import { useCuratorT } from './strings.ts';
import { useCollections, useEntities } from './useCuratorData.ts';
import { useConsoleTitle } from './usePageTitle.ts';

export default function ContentPage() {
  const { t } = useCuratorT();
  useConsoleTitle(t('content.title'));
  const collections = useCollections();
  const [entities, reload] = useEntities();
  return (
    <>
      <h1>{t('content.title')}</h1>
      <p className="console-lead">{t('content.lead')}</p>
      {!collections ? (
        <Loading />
      ) : (
        <LoadState state={entities} retry={reload}>
          {({ entities: list }) => (
            <ul className="collection-grid">
              {collections.map((c) => {
                const mine = list.filter((e) => e.collection === c.key);
                const changed = mine.filter((e) => e.inDraft).length;
                return (
                  <li key={c.key}>
                    <Link
                      to={c.kind === 'object' ? `/curator/edit?file=${encodeURIComponent(c.location)}` : `/curator/content/${c.key}`}
                      className="collection-card"
                    >
                      <span className="collection-name">{t(`collections.${c.key}`, { defaultValue: c.key })}</span>
                      <span className="collection-count">{c.kind === 'object' ? t('content.single') : t('content.count', { count: mine.length })}</span>
                      {changed > 0 && <span className="badge">{t('content.inDraft', { count: changed })}</span>}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </LoadState>
      )}
    </>
  );
}
