/**
 * Scene documents: the data a 3D walkthrough of a flagship site is drawn from
 * (`content/pack/scenes/<site-id>.json`). A scene names a terrain, an optional river, the
 * structures built from the kit of procedural parts (exhibit/kit/), the years each one stood, what
 * a visitor reads when tapping it, and a guided path of camera waypoints with narration.
 *
 * Facts (what a structure was, the years it stood) come from the sources; where the real layout is
 * unknown the scene says so (`layout: "illustrative"`). A structure's `years.basis` says where its
 * years come from, and the cross-reference check (references.ts) holds each basis to its word: a
 * structure dated by the site's founding year must carry that year, one dated by a plan must carry
 * the plan's scheduled completion, and so on.
 *
 * This module builds its schemas from a factory so that `schema.ts` can hand it the localized-text
 * and source schemas without an import cycle (it imports nothing at run time from schema.ts).
 */
import { z } from 'zod';
import type { LocalizedTextFileSchema, LocalizedTextSchema, SourceSchema } from './schema.ts';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens (kebab-case)');
const year = z.number().int().min(1800).max(2100);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a #rrggbb colour');
/** Scene coordinates are metres: x to the east, z to the south, y up; the scene centre is (0, 0). */
const coord = z.number().min(-5000).max(5000);
const vec2 = z.tuple([coord, coord]);
const vec3 = z.tuple([coord, z.number().min(-500).max(2000), coord]);
const size = (min: number, max: number) => z.number().min(min).max(max);
const count = (min: number, max: number) => z.number().int().min(min).max(max);

/** Walls and roofs the kit knows how to draw (each is one shared material). */
export const SURFACES = ['brick', 'red-brick', 'concrete', 'stucco', 'rammed-earth', 'steel', 'rust', 'stone'] as const;
const surface = z.enum(SURFACES);

/**
 * The parameters of each kind of kit part. Every field has a default, so `"params": {}` draws a
 * typical example; the ranges keep a typo from producing a 3 km chimney.
 */
export const KIT_PARAMS = {
  'blast-furnace': z
    .object({
      height: size(10, 80).default(30),
      hearthDiameter: size(4, 20).default(9),
      /** The inclined skip bridge that charged the furnace, drawn to the east of the shell. */
      skipBridge: z.boolean().default(true),
    })
    .strict(),
  'hot-blast-stoves': z.object({ count: count(1, 6).default(3), height: size(10, 60).default(26), diameter: size(3, 12).default(7) }).strict(),
  chimney: z
    .object({
      height: size(8, 150).default(45),
      baseDiameter: size(1, 15).default(4.5),
      topDiameter: size(0.5, 10).default(2.6),
      surface: z.enum(['red-brick', 'brick', 'concrete']).default('red-brick'),
      /** Darker rings around the stack. */
      bands: count(0, 12).default(4),
    })
    .strict(),
  'factory-hall': z
    .object({
      length: size(8, 400).default(60),
      width: size(6, 120).default(24),
      height: size(3, 40).default(10),
      roof: z.enum(['sawtooth', 'gable', 'monitor']).default('sawtooth'),
      surface: surface.default('red-brick'),
    })
    .strict(),
  cave: z
    .object({
      /** How far the tunnel or hall runs into the rock, along the part's local -z. */
      length: size(6, 400).default(40),
      width: size(3, 60).default(10),
      height: size(3, 60).default(10),
      /** A dressed stone portal at the entrance. */
      portal: z.boolean().default(true),
      /** Drawn opened up, like a model cut in half, so the hall inside can be seen from outside. */
      cutaway: z.boolean().default(false),
      /** A reactor block or machine plinth on the hall floor (cutaway halls only). */
      plinth: z.boolean().default(false),
    })
    .strict(),
  'gantry-crane': z.object({ span: size(6, 80).default(24), height: size(5, 50).default(14), runway: size(10, 300).default(60) }).strict(),
  'rail-line': z
    .object({
      /** The track's centre line, in metres relative to the part's position (before rotation). */
      path: z.array(vec2).min(2, 'a rail line needs at least two points').max(64),
      gauge: z.enum(['narrow', 'standard']).default('standard'),
      wagons: count(0, 24).default(6),
      locomotive: z.boolean().default(true),
      /** Where along the line the train stands, 0 (start) … 1 (end). */
      trainAt: z.number().min(0).max(1).default(0.5),
    })
    .strict(),
  wharf: z
    .object({
      length: size(6, 400).default(50),
      depth: size(3, 60).default(12),
      height: size(0.5, 20).default(4),
      /** Barges moored along the quay (on the river side, the part's local -z). */
      boats: count(0, 8).default(2),
      steps: z.boolean().default(true),
    })
    .strict(),
  'water-tower': z
    .object({ height: size(6, 60).default(22), tankDiameter: size(2, 20).default(7), style: z.enum(['concrete', 'steel']).default('concrete') })
    .strict(),
  housing: z
    .object({
      floors: count(1, 12).default(4),
      length: size(6, 200).default(36),
      depth: size(4, 30).default(10),
      /** Identical blocks in a row, `spacing` metres apart (centre to centre, along local z). */
      blocks: count(1, 16).default(1),
      spacing: size(6, 80).default(18),
      surface: surface.default('brick'),
      roof: z.enum(['gable', 'flat']).default('gable'),
      /** Open corridors on the long side, as on many workers' blocks. */
      balconies: z.boolean().default(true),
    })
    .strict(),
  building: z
    .object({
      floors: count(1, 20).default(3),
      length: size(4, 200).default(24),
      width: size(4, 80).default(14),
      roof: z.enum(['gable', 'hip', 'flat']).default('hip'),
      surface: surface.default('stucco'),
      /** A portico or porch on the front (local +z). */
      porch: z.boolean().default(false),
    })
    .strict(),
  dam: z
    .object({
      length: size(10, 600).default(120),
      height: size(3, 60).default(12),
      gates: count(1, 24).default(8),
      /** A hoist gallery across the top of the piers. */
      gallery: z.boolean().default(true),
    })
    .strict(),
  substation: z
    .object({
      width: size(8, 120).default(30),
      depth: size(6, 120).default(20),
      transformers: count(1, 8).default(3),
    })
    .strict(),
  'incline-winch': z
    .object({
      /** Horizontal run of the incline and the height it drops, from the winch house downhill (local -z). */
      run: size(5, 300).default(40),
      drop: size(2, 200).default(20),
    })
    .strict(),
  platform: z.object({ length: size(10, 400).default(80), width: size(3, 20).default(6), canopy: z.boolean().default(true) }).strict(),
  'open-air-cinema': z.object({ screenWidth: size(6, 40).default(16), rows: count(2, 40).default(12) }).strict(),
} as const;
export type StructureKind = keyof typeof KIT_PARAMS;
export const STRUCTURE_KINDS = Object.keys(KIT_PARAMS) as StructureKind[];

/** Where the years of a structure come from. */
export const YEAR_BASES = ['documented', 'site', 'era', 'plan', 'with', 'undated'] as const;

type Text = typeof LocalizedTextFileSchema | typeof LocalizedTextSchema;

export function sceneSchema<L extends Text>(text: L, source: typeof SourceSchema) {
  const provenance = z.array(source).min(1, 'every fact needs at least one source');

  const Years = z
    .object({
      /** First year the structure stood. Omitted only when `basis` is "undated". */
      from: year.optional(),
      /** Last year it stood (inclusive); omitted when it still stands. */
      to: year.optional(),
      /**
       * - documented: the sources date this structure itself;
       * - site: not dated itself; `from` is the site's founding year (sites/<id>.json foundedYear);
       * - era: only known to date from an era; `from` is that era's first year and `era` names it;
       * - plan: a planned project; `from` is the scheduled completion year of `project`;
       * - with: not dated itself, but it served another structure of the scene (`with`) and
       *   stood with it: same years (a winch at the end of a railway);
       * - undated: no source dates it; it is shown at every year.
       */
      basis: z.enum(YEAR_BASES),
      era: z.enum(['port-opening', 'wartime', 'founding', 'third-front']).optional(),
      project: id.optional(),
      /** The structure this one is dated with (basis "with"). */
      with: id.optional(),
      /** What the visitor is told about the dating, e.g. "built with the works in 1938; not dated separately". */
      note: text.optional(),
    })
    .strict()
    .superRefine((y, ctx) => {
      if (y.basis === 'undated') {
        if (y.from !== undefined || y.to !== undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'an undated structure has no from/to years' });
      } else if (y.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: `basis "${y.basis}" needs a from year` });
      if (y.from !== undefined && y.to !== undefined && y.from > y.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
      if (y.basis === 'era' && !y.era) ctx.addIssue({ code: 'custom', path: ['era'], message: 'basis "era" needs the era' });
      if (y.basis === 'plan' && !y.project) ctx.addIssue({ code: 'custom', path: ['project'], message: 'basis "plan" needs the project id' });
      if (y.basis !== 'era' && y.era) ctx.addIssue({ code: 'custom', path: ['era'], message: 'era is only used with basis "era"' });
      if (y.basis !== 'plan' && y.project) ctx.addIssue({ code: 'custom', path: ['project'], message: 'project is only used with basis "plan"' });
      if (y.basis === 'with' && !y.with) ctx.addIssue({ code: 'custom', path: ['with'], message: 'basis "with" needs the structure it is dated with' });
      if (y.basis !== 'with' && y.with) ctx.addIssue({ code: 'custom', path: ['with'], message: 'with is only used with basis "with"' });
    });

  const Link = z.object({ kind: z.enum(['site', 'project', 'era', 'museum']), id }).strict();
  const Hotspot = z
    .object({ text: text.optional(), link: Link.optional() })
    .strict()
    .refine((h) => h.text !== undefined || h.link !== undefined, { message: 'a hotspot needs a text or a link' });

  const base = {
    id,
    /** [x, z] in metres; the part stands on the terrain unless `elevation` is given. */
    position: vec2,
    /** Absolute height of the part's base, in metres (for a part set into a hillside or on a deck). */
    elevation: z.number().min(-200).max(2000).optional(),
    /** Turn about the vertical axis, degrees anticlockwise seen from above. */
    rotation: z.number().min(-360).max(360).default(0),
    scale: z.number().min(0.1).max(10).default(1),
    years: Years,
    label: text,
    hotspot: Hotspot,
    /** Sources for this structure beyond the scene's own. */
    provenance: z.array(source).optional(),
  };
  // `prefault({})`: an omitted params object is parsed, so every default is filled in.
  const withDefaults = <S extends z.ZodObject>(params: S) => params.prefault({} as never);
  const structureOf = <K extends Exclude<StructureKind, 'rail-line'>>(kind: K) =>
    z.object({ ...base, kind: z.literal(kind), params: withDefaults(KIT_PARAMS[kind] as (typeof KIT_PARAMS)[K]) }).strict();
  const Structure = z.discriminatedUnion('kind', [
    structureOf('blast-furnace'),
    structureOf('hot-blast-stoves'),
    structureOf('chimney'),
    structureOf('factory-hall'),
    structureOf('cave'),
    structureOf('gantry-crane'),
    z.object({ ...base, kind: z.literal('rail-line'), params: KIT_PARAMS['rail-line'] }).strict(),
    structureOf('wharf'),
    structureOf('water-tower'),
    structureOf('housing'),
    structureOf('building'),
    structureOf('dam'),
    structureOf('substation'),
    structureOf('incline-winch'),
    structureOf('platform'),
    structureOf('open-air-cinema'),
  ]);

  const Hill = z
    .object({
      x: coord,
      z: coord,
      radius: size(5, 5000),
      height: z.number().min(-300).max(1500),
      /** 1 = round, >1 = a ridge along `angle`. */ stretch: size(1, 10).default(1),
      angle: z.number().min(-360).max(360).default(0),
    })
    .strict();
  const Terrain = z
    .object({
      /** Side of the square of ground, metres. */
      size: size(100, 5000),
      /** Grid cells per side (the mesh has (segments+1)² vertices). */
      segments: count(16, 256).default(56),
      base: z.number().min(-100).max(500).default(0),
      hills: z.array(Hill).max(64).default([]),
      /** Gentle random relief (deterministic for a seed). */
      noise: z
        .object({ amplitude: size(0, 100).default(2), scale: size(5, 2000).default(60), seed: count(0, 1_000_000).default(1) })
        .strict()
        .default({ amplitude: 2, scale: 60, seed: 1 }),
      /** Level pads for the works: inside each rectangle the ground is flattened to `height`. */
      terraces: z
        .array(
          z
            .object({
              x: coord,
              z: coord,
              width: size(2, 5000),
              depth: size(2, 5000),
              height: z.number().min(-100).max(1500),
              angle: z.number().min(-360).max(360).default(0),
            })
            .strict(),
        )
        .max(32)
        .default([]),
      grass: colour.default('#7d8f5a'),
      rock: colour.default('#8a7f70'),
    })
    .strict();

  const River = z
    .object({
      name: text,
      /** Centre line of the river, metres; it should run off the edges of the terrain. */
      path: z.array(vec2).min(2).max(64),
      width: size(5, 2000),
      /** Height of the water surface. */
      level: z.number().min(-100).max(500).default(0),
      colour: colour.default('#4f7480'),
    })
    .strict();

  const Waypoint = z
    .object({
      id,
      /** Short title of the step, shown in the step list. */
      title: text,
      /** What the narration says at this step; shown as captions. */
      narration: text,
      camera: vec3,
      target: vec3,
      /** The time slider moves to this year when the tour reaches the step. */
      year: year.optional(),
      /** The structure the step is about: highlighted while the step plays. */
      focus: id.optional(),
      /** How long the step lasts when the tour plays by itself, seconds (default from the text's length). */
      seconds: size(2, 120).optional(),
    })
    .strict();

  const Moment = z.object({ year, text }).strict();

  return z
    .object({
      /** The site this scene shows; the file is scenes/<id>.json and a site with this id must exist. */
      id,
      title: text,
      /** What the scene shows; says plainly when the layout is an illustrative reconstruction. Used as the canvas's text alternative. */
      description: text,
      layout: z.enum(['illustrative', 'surveyed']),
      timeline: z
        .object({ from: year, to: year, /** The year shown when the scene opens. */ start: year })
        .strict()
        .refine((t) => t.from <= t.start && t.start <= t.to, { message: 'expected from ≤ start ≤ to', path: ['start'] }),
      /** Captions of what changed, shown on the time slider from their year on. */
      moments: z.array(Moment).min(1),
      terrain: Terrain,
      river: River.optional(),
      /** Trees scattered on the terrain (instanced), away from water and structures. */
      vegetation: z
        .object({ count: count(0, 2000).default(300), seed: count(0, 1_000_000).default(7) })
        .strict()
        .optional(),
      sky: z
        .object({ top: colour.default('#9db8cf'), horizon: colour.default('#dfe3dc') })
        .strict()
        .optional(),
      structures: z.array(Structure).min(1).max(80),
      waypoints: z.array(Waypoint).min(2).max(24),
      /** A still of the scene for browsers without WebGL; self-hosted under assets/3d/. */
      poster: z.object({ src: z.string().regex(/^\/?assets\/3d\/[\w./-]+\.(?:jpg|jpeg|png|webp)$/, 'a poster image under assets/3d/'), alt: text }).strict(),
      provenance,
    })
    .strict();
}

type SceneSchema<L extends Text> = ReturnType<typeof sceneSchema<L>>;
/** A scene file as written (zh-Hant may be left out). */
export type SceneFile = z.input<SceneSchema<typeof LocalizedTextFileSchema>>;
/** A resolved scene: every text in three languages, every default filled in. */
export type Scene = z.output<SceneSchema<typeof LocalizedTextSchema>>;
export type SceneStructure = Scene['structures'][number];
export type SceneWaypoint = Scene['waypoints'][number];
export type StructureParams<K extends StructureKind> = z.output<(typeof KIT_PARAMS)[K]>;
