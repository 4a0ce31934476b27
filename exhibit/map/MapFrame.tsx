import type en from './locales/en.json';
import './strings.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import { HeritageMap, type HeritageMapProps } from './HeritageMap.tsx';
import { useMapGeometry } from './mapData.ts';

/** Loads the map's geometry, then shows the map; a clear message (with retry) if it fails. */
export function MapFrame(props: Omit<HeritageMapProps, 'geometry'>) {
  const t = useFeatureStrings<typeof en>('map');
  const geometry = useMapGeometry();
  if (geometry.status === 'loading')
    return (
      <p className={`map-status${props.compact ? ' heritage-map-compact' : ''}`} role="status">
        {t('loading')}
      </p>
    );
  if (geometry.status === 'error')
    return (
      <div className="map-status" role="alert">
        <p>{t('error')}</p>
        <p className="message-detail">{geometry.message}</p>
        <button type="button" className="button" onClick={geometry.retry}>
          {t('retry')}
        </button>
      </div>
    );
  return <HeritageMap geometry={geometry.geometry} {...props} />;
}
