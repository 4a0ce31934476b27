/**
 * `npm run narration`: synthesizes the narration for every era, every flagship site and every
 * waypoint of the 3D walkthroughs' guided tours (`waypoint/<scene>/<waypoint>`, played by
 * exhibit/walkthrough/useWaypointNarration.ts) in the three languages from the content pack, with
 * WebVTT captions (one cue per sentence, timed from the synthesized segment lengths) and the
 * manifest the front end reads.
 *
 *   npm run narration                 # (re)make what is missing or whose text changed
 *   npm run narration -- --force      # remake every synthesized file
 *   npm run narration -- --only era/wartime
 *   npm run narration -- --only waypoint/erchang   # one scene's waypoints (or waypoint/erchang/ridge)
 *   npm run narration -- --check      # exit 1 if any narration is missing or out of date (no tools needed)
 *
 * Needs Debian's espeak-ng and ffmpeg (`apt-get install espeak-ng ffmpeg`); the outputs are committed,
 * so building and testing the museum never needs them. A file replaced by hand (a recorded voice) is
 * recognised by its changed hash and never overwritten: see assets/audio/README.md.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadPack } from '../../content/load.ts';
import type { LocalizedText } from '../../content/schema.ts';
import { type NarrationLanguage, type Segment, segmentNarration } from './segments.ts';
import { buildVtt, type Cue } from './vtt.ts';

const run = promisify(execFile);

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT_DIR = path.join(ROOT, 'assets/audio/narration');
const MANIFEST = path.join(OUT_DIR, 'manifest.json');
const URL_BASE = '/assets/audio/narration';
const LANGS: NarrationLanguage[] = ['zh-Hans', 'zh-Hant', 'en'];

/** Bump when the synthesis changes in a way the settings below don't capture. */
const SCRIPT_VERSION = 2;
// cmn-latn-pinyin reads both Simplified and Traditional characters (the plain `cmn` voice reads
// its own pinyin as English letters).
const VOICES: Record<NarrationLanguage, { voice: string; speed: number }> = {
  'zh-Hans': { voice: 'cmn-latn-pinyin', speed: 180 },
  'zh-Hant': { voice: 'cmn-latn-pinyin', speed: 180 },
  en: { voice: 'en-us', speed: 165 },
};
/** Ogg Opus, mono, wideband speech at a low bitrate: about 1.1 kB per second (below 9 kbit/s libopus drops to narrowband) of narration. */
const ENCODING = { ext: 'opus', sampleRate: 16_000, bitrate: '9k' } as const;
const PAUSE = { lead: 0.25, sentence: 0.35, paragraph: 0.8, tail: 0.5 };
/** Samples quieter than this (of 32767) at a segment's ends are trimmed before our own pauses. */
const SILENCE_THRESHOLD = 250;

export interface ManifestEntry {
  /** Audio sources in order of preference (howler plays the first the browser supports). */
  audio: string[];
  captions: string;
  /** Seconds. */
  duration: number;
  /** "espeak-ng <voice>", or "recorded" once a museum dropped its own file in place. */
  voice: string;
  bytes: number;
  textHash: string;
  audioHash: string;
}
export interface Manifest {
  version: 1;
  note: string;
  items: Record<string, Partial<Record<NarrationLanguage, ManifestEntry>>>;
}

interface Item {
  key: string; // "era/wartime", "site/erchang", "waypoint/erchang/ridge"
  texts: LocalizedText[];
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

async function items(): Promise<Item[]> {
  const pack = await loadPack();
  return [
    ...[...pack.eras].sort((a, b) => a.order - b.order).map((e) => ({ key: `era/${e.id}`, texts: [e.title, e.summary, ...e.body] })),
    ...pack.sites.filter((s) => s.flagship).map((s) => ({ key: `site/${s.id}`, texts: [s.name, s.summary, s.history, s.today] })),
    // A tour step says exactly its caption (the waypoint's narration text), not its title.
    ...[...pack.scenes]
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((scene) => scene.waypoints.map((w) => ({ key: `waypoint/${scene.id}/${w.id}`, texts: [w.narration] }))),
  ];
}

/** `--only era/wartime` names one item; `--only waypoint/erchang` all of a scene's waypoints. */
const selected = (only: string | undefined, key: string) => !only || key === only || key.startsWith(`${only}/`);

function textHash(segments: Segment[], lang: NarrationLanguage): string {
  return sha256(JSON.stringify({ SCRIPT_VERSION, segments, voice: VOICES[lang], ENCODING, PAUSE }));
}

function files(key: string, lang: NarrationLanguage) {
  const base = `${key}.${lang}`;
  return {
    audio: path.join(OUT_DIR, `${base}.${ENCODING.ext}`),
    captions: path.join(OUT_DIR, `${base}.vtt`),
    audioUrl: `${URL_BASE}/${base}.${ENCODING.ext}`,
    captionsUrl: `${URL_BASE}/${base}.vtt`,
  };
}

/** 16-bit mono PCM from a WAV file (espeak-ng writes 22050 Hz). */
function readWav(buf: Buffer): { rate: number; samples: Int16Array } {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let rate = 0;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    // espeak-ng writing to a file leaves the size fields at 0x7ffffff…: the data runs to the end.
    const size = Math.min(buf.readUInt32LE(offset + 4), buf.length - offset - 8);
    if (id === 'fmt ') {
      if (buf.readUInt16LE(offset + 8) !== 1 || buf.readUInt16LE(offset + 10) !== 1 || buf.readUInt16LE(offset + 22) !== 16) {
        throw new Error('expected 16-bit mono PCM');
      }
      rate = buf.readUInt32LE(offset + 12);
    } else if (id === 'data') {
      const bytes = buf.subarray(offset + 8, offset + 8 + size - (size % 2));
      const samples = new Int16Array(bytes.length / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
      return { rate, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV file has no data');
}

function writeWav(samples: Int16Array, rate: number): Buffer {
  const buf = Buffer.alloc(44 + samples.length * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples.length * 2, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples.length * 2, 40);
  for (let i = 0; i < samples.length; i++) buf.writeInt16LE(samples[i], 44 + i * 2);
  return buf;
}

function trimSilence(samples: Int16Array, rate: number): Int16Array {
  const margin = Math.round(rate * 0.02);
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]) < SILENCE_THRESHOLD) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]) < SILENCE_THRESHOLD) last--;
  if (first >= samples.length) return new Int16Array(0);
  return samples.subarray(Math.max(0, first - margin), Math.min(samples.length, last + margin + 1));
}

async function synthesize(segments: Segment[], lang: NarrationLanguage, tmp: string): Promise<{ wav: Buffer; cues: Cue[]; duration: number }> {
  const { voice, speed } = VOICES[lang];
  const parts: Int16Array[] = [];
  const cues: Cue[] = [];
  let rate = 0;
  let length = 0;
  const silence = (seconds: number) => {
    const n = Math.round(seconds * rate);
    parts.push(new Int16Array(n));
    length += n;
  };
  for (const [i, seg] of segments.entries()) {
    const wavPath = path.join(tmp, `seg-${i}.wav`);
    // -b 1: the text is UTF-8 whatever the machine's locale says.
    await run('espeak-ng', ['-b', '1', '-v', voice, '-s', String(speed), '-w', wavPath, seg.spoken]);
    const wav = readWav(await readFile(wavPath));
    if (rate && wav.rate !== rate) throw new Error('espeak-ng changed its sample rate mid-narration');
    rate = wav.rate;
    if (i === 0) silence(PAUSE.lead);
    else silence(seg.paragraphStart ? PAUSE.paragraph : PAUSE.sentence);
    const speech = trimSilence(wav.samples, rate);
    const start = length / rate;
    parts.push(speech);
    length += speech.length;
    cues.push({ start, end: length / rate, text: seg.text });
  }
  silence(PAUSE.tail);
  // A cue stays up through the pause after it, so captions don't flicker off between sentences.
  for (let i = 0; i + 1 < cues.length; i++) cues[i].end = cues[i + 1].start;
  const all = new Int16Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return { wav: writeWav(all, rate), cues, duration: length / rate };
}

async function encode(wavPath: string, outPath: string): Promise<void> {
  await mkdir(path.dirname(outPath), { recursive: true });
  // bitexact: the same input gives the same bytes, so re-running the script leaves git quiet.
  await run('ffmpeg', [
    ...['-y', '-hide_banner', '-loglevel', 'error', '-i', wavPath],
    ...['-ac', '1', '-ar', String(ENCODING.sampleRate), '-c:a', 'libopus', '-b:a', ENCODING.bitrate, '-vbr', 'on', '-application', 'voip'],
    ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', outPath],
  ]);
}

async function probeDuration(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file]);
  return Number(stdout.trim());
}

async function readManifest(): Promise<Manifest> {
  const empty: Manifest = { version: 1, note: '', items: {} };
  if (!existsSync(MANIFEST)) return empty;
  return { ...empty, ...(JSON.parse(await readFile(MANIFEST, 'utf8')) as Manifest) };
}

/** Writes the manifest and lets Biome format it, so `npm run lint` stays clean. */
async function writeManifest(m: Manifest): Promise<void> {
  await writeFile(MANIFEST, `${JSON.stringify(m, null, 2)}\n`);
  await run(path.join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', MANIFEST]);
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const check = args.includes('--check');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

  const manifest = await readManifest();
  const list = await items();
  const next: Manifest = {
    version: 1,
    note: 'Narration for each era, flagship site and walkthrough waypoint (waypoint/<scene>/<waypoint>), per language. Made by `npm run narration` (scripts/narration/); see assets/audio/README.md to replace a file with a recording.',
    items: {},
  };
  const problems: string[] = [];
  let made = 0;
  let kept = 0;
  const tmp = check ? '' : await mkdtemp(path.join(tmpdir(), 'narration-'));

  try {
    for (const item of list) {
      next.items[item.key] = {};
      for (const lang of LANGS) {
        const segments = segmentNarration(
          item.texts.map((t) => t[lang]),
          lang,
        );
        const hash = textHash(segments, lang);
        const f = files(item.key, lang);
        const prev = manifest.items[item.key]?.[lang];
        // A museum may have pointed the entry at a recording in another format (…/erchang.zh-Hans.mp3).
        const listed = prev?.audio[0] ? path.join(ROOT, prev.audio[0].replace(/^\//, '')) : f.audio;
        const audioFile = existsSync(listed) ? listed : f.audio;
        const haveFiles = existsSync(audioFile) && existsSync(f.captions);
        const fileHash = haveFiles ? sha256(await readFile(audioFile)) : '';

        // A recording dropped in place (its hash is not the one we wrote), or one already known.
        if (haveFiles && prev && (prev.voice === 'recorded' || fileHash !== prev.audioHash)) {
          const bytes = (await stat(audioFile)).size;
          const duration = check || (prev.voice === 'recorded' && fileHash === prev.audioHash) ? prev.duration : await probeDuration(audioFile);
          next.items[item.key][lang] = { ...prev, voice: 'recorded', bytes, duration, audioHash: fileHash };
          kept++;
          continue;
        }
        const upToDate = haveFiles && prev && prev.textHash === hash && fileHash === prev.audioHash;
        if (upToDate && !(force && selected(only, item.key))) {
          next.items[item.key][lang] = prev;
          continue;
        }
        if (!selected(only, item.key)) {
          if (prev) next.items[item.key][lang] = prev;
          continue;
        }
        if (check) {
          problems.push(`${item.key} ${lang}: ${haveFiles ? 'text changed since it was synthesized' : 'missing'}`);
          continue;
        }

        const { wav, cues, duration } = await synthesize(segments, lang, tmp);
        const wavPath = path.join(tmp, 'narration.wav');
        await writeFile(wavPath, wav);
        await encode(wavPath, f.audio);
        const { voice } = VOICES[lang];
        await writeFile(
          f.captions,
          buildVtt(cues, `Synthesized with espeak-ng (${voice}) from the museum's content text. To use a recording, see assets/audio/README.md.`),
        );
        const audio = await readFile(f.audio);
        next.items[item.key][lang] = {
          audio: [f.audioUrl],
          captions: f.captionsUrl,
          duration: Math.round(duration * 1000) / 1000,
          voice: `espeak-ng ${voice}`,
          bytes: audio.length,
          textHash: hash,
          audioHash: sha256(audio),
        };
        made++;
        console.log(`made ${item.key} ${lang}: ${duration.toFixed(1)} s, ${(audio.length / 1024).toFixed(1)} KiB, ${cues.length} cues`);
      }
    }

    const stale = Object.keys(manifest.items).filter((k) => !next.items[k]);
    if (check) {
      for (const k of stale) problems.push(`${k}: no longer an era, flagship site or scene waypoint (run npm run narration to drop it)`);
      if (problems.length) {
        console.error(`narration is out of date:\n  ${problems.join('\n  ')}\nrun: npm run narration`);
        process.exitCode = 1;
      } else console.log(`narration up to date (${list.length} items × ${LANGS.length} languages)`);
      return;
    }
    for (const k of stale) {
      for (const lang of LANGS) {
        const entry = manifest.items[k]?.[lang];
        if (!entry || entry.voice === 'recorded') continue;
        const f = files(k, lang);
        await rm(f.audio, { force: true });
        await rm(f.captions, { force: true });
      }
      console.log(`dropped ${k}`);
    }
    await writeManifest(next);
    const total = Object.values(next.items)
      .flatMap((byLang) => Object.values(byLang))
      .reduce((sum, e) => sum + (e?.bytes ?? 0), 0);
    console.log(`narration: ${made} made, ${kept} recordings kept, total audio ${(total / 1024 / 1024).toFixed(2)} MiB`);
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

await main();
