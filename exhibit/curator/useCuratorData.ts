/** The pack's collections and schemas (fetched once per page load) and the draft's entities. */
import { useEffect, useState } from 'react';
import { getJson } from './api.ts';
import type { Collection, EntitySummary, MediaItem } from './types.ts';
import { useFetch } from './useFetch.ts';

let schemaPromise: Promise<{ collections: Collection[] }> | null = null;

export function useCollections(): Collection[] | null {
  const [collections, setCollections] = useState<Collection[] | null>(null);
  useEffect(() => {
    schemaPromise ??= getJson<{ collections: Collection[] }>('/api/curator/schema');
    let live = true;
    schemaPromise
      .then((s) => {
        if (live) setCollections(s.collections);
      })
      .catch(() => {
        schemaPromise = null;
      });
    return () => {
      live = false;
    };
  }, []);
  return collections;
}

export function useEntities() {
  return useFetch<{ entities: EntitySummary[] }>('/api/curator/entities');
}

export function useMediaLibrary() {
  return useFetch<{ media: MediaItem[] }>('/api/curator/media');
}

/** The label of an entity in the interface language (Chinese for both Chinese scripts). */
export function labelOf(e: { id: string; label?: { 'zh-Hans'?: string; en?: string } }, language: string): string {
  const l = e.label ?? {};
  return (language === 'en' ? l.en : l['zh-Hans']) ?? l.en ?? l['zh-Hans'] ?? e.id;
}

/** The visitor app's page for an entity (for preview links). */
export function appPathOf(collection: string, id: string): string {
  const pages: Record<string, string> = { sites: '/sites/', eras: '/eras/', routes: '/routes/' };
  return pages[collection] ? `${pages[collection]}${id}` : '/';
}
