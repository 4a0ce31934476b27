/**
 * The scene as the API sends it with `?lang=` (kiosk-server/content/views.ts sceneDetail): the
 * scene document in one language, its site's name and the eras its timeline spans.
 */
import type { Localized } from '../../content/localize.ts';
import type { Era, Scene } from '../../content/schema.ts';

export type SceneLink = { kind: 'site' | 'project' | 'era' | 'museum'; id: string; name?: string };
export type SceneData = Omit<Localized<Scene>, 'structures'> & {
  structures: (Omit<Localized<Scene['structures'][number]>, 'hotspot'> & { hotspot: { text?: string; link?: SceneLink } })[];
  site: { id: string; name: string; foundedYear?: number };
  eras: Localized<Pick<Era, 'id' | 'title' | 'colour' | 'startYear' | 'endYear'>>[];
};
export type SceneStructureData = SceneData['structures'][number];
export type SceneWaypointData = SceneData['waypoints'][number];
