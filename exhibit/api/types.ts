/**
 * The shapes the content API returns with `?lang=` (see kiosk-server/content/views.ts), built from
 * the content schema's types so a schema change shows up here as a type error.
 */
import type { Localized } from '../../content/localize.ts';
import type { Cluster, District, Era, Industry, KeyEvent, KeyProject, Locale, Museum, Site, Statistics, TourRoute } from '../../content/schema.ts';

type Ref = { id: string; name: string };

export type EraListItem = Localized<Omit<Era, 'events' | 'body' | 'provenance'>> & { eventCount: number };

export type EraEvent = Localized<Omit<KeyEvent, 'sites'>> & { sites: Ref[] };
export type EraDetail = Localized<Omit<Era, 'industries' | 'events'>> & {
  industries: Ref[];
  events: EraEvent[];
  sites: SiteListItem[];
};

export type SiteListItem = Localized<Omit<Site, 'history' | 'today' | 'media' | 'provenance' | 'relatedProjects' | 'formerNames'>>;

export type SiteEra = Localized<Pick<Era, 'id' | 'title' | 'colour' | 'startYear' | 'endYear'>>;
export type SiteDetail = Localized<Omit<Site, 'eras' | 'industries'>> & {
  districtInfo?: Ref;
  clusterInfo?: Ref;
  industries: Ref[];
  eras: SiteEra[];
  related: {
    projects: Localized<Pick<KeyProject, 'id' | 'number' | 'name' | 'type' | 'start' | 'end' | 'investment'>>[];
    routes: Ref[];
    events: Localized<{ era: Era['id'] } & Pick<KeyEvent, 'id' | 'year' | 'title'>>[];
    museums: Ref[];
  };
};

export type RouteStop = Localized<{ order: number; site: string; note?: TourRoute['stops'][number]['note'] }> & {
  name?: string;
  location?: Site['location'];
  summary?: string;
  district?: string;
};
export type RouteDetail = Localized<Omit<TourRoute, 'stops'>> & { stops: RouteStop[] };

/** What each path returns; `useContent` takes its type from here. */
export type ContentData<P extends string> = P extends 'eras'
  ? EraListItem[]
  : P extends `eras/${string}`
    ? EraDetail
    : P extends 'sites'
      ? SiteListItem[]
      : P extends `sites/${string}`
        ? SiteDetail
        : P extends 'routes'
          ? (Localized<Omit<TourRoute, 'provenance'>> & { stopCount: number })[]
          : P extends `routes/${string}`
            ? RouteDetail
            : P extends 'museums'
              ? Localized<Museum>[]
              : P extends 'projects'
                ? Localized<KeyProject>[]
                : P extends 'statistics'
                  ? Localized<Statistics>
                  : P extends 'districts'
                    ? Localized<District>[]
                    : P extends 'clusters'
                      ? Localized<Cluster>[]
                      : P extends 'industries'
                        ? Localized<Industry>[]
                        : unknown;

export type ContentPath =
  | 'eras'
  | `eras/${string}`
  | 'sites'
  | `sites/${string}`
  | 'routes'
  | `routes/${string}`
  | 'museums'
  | 'projects'
  | 'statistics'
  | 'districts'
  | 'clusters'
  | 'industries';

/** The body of every localized content response. */
export interface ContentEnvelope<T> {
  version: number;
  lang: Locale;
  machineConverted: boolean;
  data: T;
}
