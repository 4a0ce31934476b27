import { useEffect, useState } from 'react';
import { useLanguage } from '../i18n/useLanguage.ts';
import { NarrationPanel } from './NarrationPanel.tsx';
import { loadNarrationManifest, type NarrationKind, type NarrationManifest, narrationEntry } from './narrationManifest.ts';
import './strings.ts';

/**
 * The narration of an era or a flagship site in the current language, with captions and a
 * transcript. Shows nothing when the manifest has no narration for it (or cannot be loaded): the
 * page reads the same without.
 */
export function NarrationPlayer({ kind, id, headingLevel = 2 }: { kind: NarrationKind; id: string; headingLevel?: 2 | 3 }) {
  const { language } = useLanguage();
  const [manifest, setManifest] = useState<NarrationManifest | null>(null);
  useEffect(() => {
    let live = true;
    loadNarrationManifest().then(
      (m) => live && setManifest(m),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  const entry = manifest ? narrationEntry(manifest, kind, id, language) : undefined;
  if (!entry) return null;
  const narrationId = `${kind}/${id}:${language}`;
  return <NarrationPanel key={narrationId} narrationId={narrationId} entry={entry} lang={language} headingLevel={headingLevel} />;
}
