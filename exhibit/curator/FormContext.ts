/** What every field of an entity form needs: ids to pick from, uploads, the server's errors. */
import { createContext, useContext } from 'react';
import type { EntitySummary, MediaItem } from './types.ts';

export interface FormContextValue {
  entities: EntitySummary[];
  media: MediaItem[];
  /** Field path (`name.en`) → problems from the last save. */
  errors: Map<string, string[]>;
  /** Uploads a file into the media library; returns its src. */
  upload: (file: File) => Promise<string>;
}

export const FormContext = createContext<FormContextValue>({ entities: [], media: [], errors: new Map(), upload: async () => '' });

export const useForm = () => useContext(FormContext);

/** Stable ids for inputs and error messages from a field path. */
export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
