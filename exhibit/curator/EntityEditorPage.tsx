/**
 * Edits one entity (a site, an era, a route, a scene…) with a form built from its schema, and
 * saves it into the shared draft. A save names the version of the file it started from (If-Match),
 * so two curators never overwrite each other silently; the server validates the whole pack and
 * answers with the file › field of every problem, shown at the field.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../app/Loading.tsx';
import { ApiError, getJson, request, sendJson } from './api.ts';
import { FieldEditor } from './FieldEditor.tsx';
import { FormContext, type FormContextValue, fieldId } from './FormContext.ts';
import { PreviewLinks } from './PreviewLinks.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { defaultFor } from './schemaForm.ts';
import { useCuratorT } from './strings.ts';
import type { Collection, MediaItem } from './types.ts';
import { appPathOf, labelOf, useCollections, useEntities, useMediaLibrary } from './useCuratorData.ts';
import { useConsoleTitle } from './usePageTitle.ts';

interface Loaded {
  /** The whole file as stored (an entity, an array, or the statistics object). */
  content: unknown;
  etag: string | null;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; error: unknown };

export default function EntityEditorPage() {
  const { t, language } = useCuratorT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const newIn = params.get('new');
  const file = params.get('file') ?? '';
  const indexParam = params.get('index');
  const collections = useCollections();
  const [entities, reloadEntities] = useEntities();
  const [mediaState, reloadMedia] = useMediaLibrary();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [value, setValue] = useState<unknown>(undefined);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [newId, setNewId] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);

  const collection: Collection | undefined = useMemo(() => {
    if (!collections) return undefined;
    if (newIn) return collections.find((c) => c.kind === 'dir' && c.location === newIn);
    return collections.find((c) => (c.kind === 'dir' ? file.startsWith(`${c.location}/`) : c.location === file));
  }, [collections, newIn, file]);
  const isNewItem = Boolean(newIn) || indexParam === 'new';
  const index = indexParam !== null && indexParam !== 'new' ? Number(indexParam) : undefined;

  // Load the file (or start a new entity).
  useEffect(() => {
    if (!collection) return;
    setLoadError(null);
    setStatus({ kind: 'idle' });
    setDirty(false);
    if (newIn) {
      setLoaded({ content: undefined, etag: null });
      setValue(defaultFor(collection.schema));
      return;
    }
    const controller = new AbortController();
    getJson<{ content: unknown; etag: string }>(`/api/curator/file?path=${encodeURIComponent(file)}`, controller.signal)
      .then((f) => {
        setLoaded({ content: f.content, etag: f.etag });
        if (collection.kind === 'list') {
          const list = Array.isArray(f.content) ? f.content : [];
          setValue(indexParam === 'new' ? defaultFor(collection.schema) : list[index ?? 0]);
        } else setValue(f.content);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoadError(err);
      });
    return () => controller.abort();
  }, [collection, file, newIn, indexParam, index]);

  const entityId = value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : '';
  const title = collection ? `${t(`collections.${collection.key}`, { defaultValue: collection.key })}${entityId ? ` · ${entityId}` : ''}` : t('common.loading');
  useConsoleTitle(title);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const errors = useMemo(() => {
    const map = new Map<string, string[]>();
    if (status.kind !== 'error' || !(status.error instanceof ApiError)) return map;
    const prefix = index !== undefined ? `[${index}]` : '';
    for (const e of status.error.errors) {
      let field = e.field ?? e.path;
      if (prefix) {
        if (!field.startsWith(prefix)) continue;
        field = field.slice(prefix.length).replace(/^\./, '');
      }
      map.set(field, [...(map.get(field) ?? []), e.message]);
    }
    return map;
  }, [status, index]);

  const upload = useCallback(
    async (f: File) => {
      const res = await request(`/api/curator/media?name=${encodeURIComponent(f.name)}`, {
        method: 'POST',
        raw: f,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
      const { media } = (await res.json()) as { media: MediaItem };
      reloadMedia();
      return media.src;
    },
    [reloadMedia],
  );

  const formContext: FormContextValue = useMemo(
    () => ({
      entities: entities.status === 'ready' ? entities.data.entities : [],
      media: mediaState.status === 'ready' ? mediaState.data.media : [],
      errors,
      upload,
    }),
    [entities, mediaState, errors, upload],
  );

  if (!collections || (!collection && !loadError)) return collections && !collection ? <p>{t('common.notFound')}</p> : <Loading />;
  if (loadError) return <ProblemMessage error={loadError} />;
  if (!collection || !loaded || value === undefined) return <Loading />;

  const targetFile = newIn ? `${newIn}/${(entityId || newId).trim()}.json` : file;

  const save = async () => {
    setStatus({ kind: 'saving' });
    let content: unknown = value;
    if (collection.kind === 'list') {
      const list = Array.isArray(loaded.content) ? [...loaded.content] : [];
      if (isNewItem) list.push(value);
      else list[index ?? 0] = value;
      content = list;
    }
    try {
      const headers: Record<string, string> = newIn ? { 'If-None-Match': '*' } : { 'If-Match': loaded.etag ?? '*' };
      const saved = await sendJson<{ etag: string }>(`/api/curator/file?path=${encodeURIComponent(targetFile)}`, 'PUT', content, headers);
      setLoaded({ content, etag: saved.etag });
      setDirty(false);
      setStatus({ kind: 'saved', at: new Date() });
      reloadEntities();
      if (newIn) navigate(`/curator/edit?file=${encodeURIComponent(targetFile)}`, { replace: true });
      else if (indexParam === 'new') navigate(`/curator/edit?file=${encodeURIComponent(file)}&index=${(content as unknown[]).length - 1}`, { replace: true });
    } catch (err) {
      setStatus({ kind: 'error', error: err });
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  const remove = async () => {
    if (!window.confirm(t('editor.confirmDelete', { name: entityId || file }))) return;
    try {
      if (collection.kind === 'dir') {
        await sendJson(`/api/curator/file?path=${encodeURIComponent(file)}`, 'DELETE', undefined, { 'If-Match': loaded.etag ?? '*' });
      } else {
        const list = (Array.isArray(loaded.content) ? loaded.content : []).filter((_, i) => i !== index);
        await sendJson(`/api/curator/file?path=${encodeURIComponent(file)}`, 'PUT', list, { 'If-Match': loaded.etag ?? '*' });
      }
      setDirty(false);
      navigate(`/curator/content/${collection.key}`);
    } catch (err) {
      setStatus({ kind: 'error', error: err });
    }
  };

  const focusField = (path: string) => {
    const prefix = index !== undefined ? `[${index}]` : '';
    const local = prefix && path.startsWith(prefix) ? path.slice(prefix.length).replace(/^\./, '') : path;
    const el = document.getElementById(fieldId(local)) ?? document.querySelector<HTMLElement>(`[id^="${fieldId(local)}"]`);
    el?.focus();
  };

  const conflict = status.kind === 'error' && status.error instanceof ApiError && status.error.status === 412;
  const collectionName = t(`collections.${collection.key}`, { defaultValue: collection.key });
  const entityLabel = entityId ? labelOf({ id: entityId, label: labelFromValue(value) }, language) : collectionName;

  return (
    <FormContext.Provider value={formContext}>
      <p className="breadcrumb">
        <Link to="/curator">{t('content.title')}</Link> ›{' '}
        {collection.kind === 'object' ? collectionName : <Link to={`/curator/content/${collection.key}`}>{collectionName}</Link>}
        {entityId && ` › ${entityId}`}
      </p>
      <h1>{isNewItem ? t('editor.newTitle', { collection: collectionName }) : entityLabel}</h1>
      <p className="console-note">
        {t('editor.file')} <code>{targetFile}</code>
      </p>
      {newIn && !entityId && (
        <div className="field">
          <label htmlFor="new-id">{t('editor.newId')}</label>
          <input
            id="new-id"
            value={newId}
            onChange={(e) => {
              setNewId(e.target.value);
              setValue({ ...(value as object), id: e.target.value });
            }}
          />
        </div>
      )}
      <div ref={summaryRef} tabIndex={-1} className="save-summary">
        {status.kind === 'error' && <ProblemMessage error={status.error} onFieldClick={focusField} />}
        {conflict && (
          <button type="button" onClick={() => window.location.reload()}>
            {t('editor.reload')}
          </button>
        )}
      </div>
      <form
        className="entity-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FieldEditor
          schema={collection.schema}
          value={value}
          onChange={(v) => {
            setValue(v);
            setDirty(true);
            if (status.kind === 'saved') setStatus({ kind: 'idle' });
          }}
          path={[]}
          label={collectionName}
          required
        />
        <div className="form-footer">
          <button type="submit" className="button-primary" disabled={status.kind === 'saving' || (!dirty && !isNewItem)}>
            {status.kind === 'saving' ? t('editor.saving') : t('editor.save')}
          </button>
          <p className="save-status" role="status" aria-live="polite">
            {status.kind === 'saved' ? t('editor.saved') : dirty ? t('editor.unsaved') : ''}
          </p>
          {!isNewItem && collection.kind !== 'object' && (
            <button type="button" className="button-danger" onClick={() => void remove()}>
              {t('editor.delete')}
            </button>
          )}
        </div>
      </form>
      {!isNewItem && (
        <section className="panel" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('preview.title')}</h2>
          <p>{t('editor.previewHint')}</p>
          <PreviewLinks path={appPathOf(collection.key, entityId)} />
          <p>
            <Link to="/curator/changes">{t('editor.toChanges')}</Link>
          </p>
        </section>
      )}
    </FormContext.Provider>
  );
}

function labelFromValue(value: unknown): { 'zh-Hans'?: string; en?: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const rec = value as Record<string, unknown>;
  const named = (rec.name ?? rec.title) as Record<string, string> | undefined;
  return named && typeof named === 'object' ? { 'zh-Hans': named['zh-Hans'], en: named.en } : undefined;
}
