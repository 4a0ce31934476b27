/** The entities of one collection (sites, routes, scenes…), searchable, with "new". */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadState } from './LoadState.tsx';
import { useCuratorT } from './strings.ts';
import { labelOf, useCollections, useEntities } from './useCuratorData.ts';
import { useConsoleTitle } from './usePageTitle.ts';

export default function CollectionPage() {
  const { collection = '' } = useParams();
  const { t, language } = useCuratorT();
  const name = t(`collections.${collection}`, { defaultValue: collection });
  useConsoleTitle(name);
  const collections = useCollections();
  const info = collections?.find((c) => c.key === collection);
  const [entities, reload] = useEntities();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();

  const newLink = useMemo(() => {
    if (!info) return null;
    return info.kind === 'dir' ? `/curator/edit?new=${encodeURIComponent(info.location)}` : `/curator/edit?file=${encodeURIComponent(info.location)}&index=new`;
  }, [info]);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/curator">{t('content.title')}</Link> › {name}
      </p>
      <h1>{name}</h1>
      <div className="toolbar">
        <label className="search">
          <span>{t('content.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {newLink && (
          <Link to={newLink} className="button-link">
            {t('content.new')}
          </Link>
        )}
      </div>
      <LoadState state={entities} retry={reload}>
        {({ entities: list }) => {
          const mine = list.filter((e) => e.collection === collection);
          const shown = mine.filter((e) => !q || e.id.includes(q) || Object.values(e.label).some((l) => l?.toLowerCase().includes(q)));
          return (
            <ul className="entity-list">
              {shown.map((e) => (
                <li key={`${e.file}#${e.index ?? ''}`}>
                  <Link to={`/curator/edit?file=${encodeURIComponent(e.file)}${e.index !== undefined ? `&index=${e.index}` : ''}`}>
                    <span className="entity-label">{labelOf(e, language)}</span> <code>{e.id}</code>
                  </Link>
                  {e.inDraft && <span className="badge">{t('content.changed')}</span>}
                </li>
              ))}
              {shown.length === 0 && <li className="console-empty">{t('content.none')}</li>}
            </ul>
          );
        }}
      </LoadState>
    </>
  );
}
