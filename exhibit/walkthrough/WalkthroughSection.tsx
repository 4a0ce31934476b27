import './walkthrough.css';
/**
 * The walkthrough slot of a flagship site's page (lazy-loaded: none of this, and none of
 * three.js, is in the first screen's JavaScript). Loads the site's scene and shows it, or says
 * there is none yet.
 */
import './strings.ts';
import { useWalkthroughT } from './strings.ts';
import { useScene } from './useScene.ts';
import { Walkthrough } from './Walkthrough.tsx';

export default function WalkthroughSection({ siteId }: { siteId: string }) {
  const t = useWalkthroughT();
  const state = useScene(siteId);
  return (
    <section className="walkthrough" aria-labelledby="site-walkthrough" data-testid="walkthrough">
      <h2 id="site-walkthrough">{t('title')}</h2>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      )}
      {state.status === 'missing' && <p>{t('noScene')}</p>}
      {state.status === 'error' && (
        <div role="alert" className="walkthrough-error">
          <p>{t('loadError')}</p>
          <button type="button" onClick={state.retry}>
            {t('retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && <Walkthrough key={`${state.scene.id}:${state.version}`} scene={state.scene} />}
    </section>
  );
}
