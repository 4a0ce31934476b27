/**
 * Narration text and files: how content text becomes caption cues and spoken text, WebVTT writing
 * and parsing, and the committed narration (every era, flagship site and walkthrough waypoint in
 * three languages, files present and matching the manifest, captions within the audio's length; a
 * waypoint's captions say exactly the text the walkthrough shows).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../content/load.ts';
import { captionAt, parseCaptions, plainCueText } from '../../exhibit/audio/captions.ts';
import type { NarrationManifest } from '../../exhibit/audio/narrationManifest.ts';
import { segmentNarration, speakChinese, speakEnglish } from '../../scripts/narration/segments.ts';
import { buildVtt, formatTimestamp } from '../../scripts/narration/vtt.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;

describe('narration text', () => {
  it('one cue per sentence, long ones cut at a comma, paragraphs marked', () => {
    const segments = segmentNarration(['第一句。第二句！', '新段落的一句话。'], 'zh-Hans');
    expect(segments.map((s) => s.text)).toEqual(['第一句。', '第二句！', '新段落的一句话。']);
    expect(segments.map((s) => s.paragraphStart)).toEqual([true, false, true]);
    const long = `${'长'.repeat(30)}，${'句'.repeat(30)}。`;
    expect(segmentNarration([long], 'zh-Hans').map((s) => s.text)).toEqual([`${'长'.repeat(30)}，`, `${'句'.repeat(30)}。`]);
  });

  it('English sentences do not break at "No. 1" or "3.5"', () => {
    const texts = ['Printing Works No. 1 opened. It covers 3.5 km of the bank! Then what? Nothing.'];
    expect(segmentNarration(texts, 'en').map((s) => s.text)).toEqual([
      'Printing Works No. 1 opened.',
      'It covers 3.5 km of the bank!',
      'Then what?',
      'Nothing.',
    ]);
  });

  it('a short clause is never left alone as a cue', () => {
    const text = `Match-making, ${'light textiles and shipping on the Upper Yangtze held an important place nationally '.repeat(2)}and beyond.`;
    const cues = segmentNarration([text], 'en').map((s) => s.text);
    expect(cues.every((c) => c.length >= 40)).toBe(true);
    expect(cues.join(' ')).toBe(text);
  });

  it('years are read as people say them', () => {
    expect(speakChinese('1891年重庆开埠（1937—1949），816工程')).toBe('一八九一年重庆开埠（一九三七至一九四九），816工程');
    expect(speakEnglish('In 1891, the 1960s, 2002 and 2014–2020; No. 2 Works, 20 km')).toBe(
      'In 18 91, the 19 60s, two thousand and 2 and 20 14 to 20 20; Number 2 Works, 20 kilometres',
    );
    expect(speakEnglish('about 3,000 m² in 1900')).toBe('about 3,000 square metres in 19 hundred');
  });
});

describe('WebVTT', () => {
  it('writes timestamps and escapes cue text', () => {
    expect(formatTimestamp(83.25)).toBe('00:01:23.250');
    expect(formatTimestamp(3725.0004)).toBe('01:02:05.000');
    const vtt = buildVtt([{ start: 0.25, end: 2, text: 'A & B <c> --> D' }], 'a note');
    expect(vtt).toBe('WEBVTT\n\nNOTE\na note\n\n1\n00:00:00.250 --> 00:00:02.000\nA &amp; B &lt;c> --&gt; D\n');
  });

  it('parses what the script writes, and a hand-made file with tags and settings', async () => {
    const written = await parseCaptions(buildVtt([{ start: 0.25, end: 2, text: 'A & B <c>' }], 'note'));
    expect(written).toEqual([{ start: 0.25, end: 2, text: 'A & B <c>' }]);
    const recorded = await parseCaptions(
      'WEBVTT\n\nintro\n00:00.000 --> 00:02.500 align:start line:90%\n<v Narrator>Hello <b>there</b></v>\n\n00:03.000 --> 00:05.000\nSecond &amp; last\n',
    );
    expect(recorded).toEqual([
      { start: 0, end: 2.5, text: 'Hello there' },
      { start: 3, end: 5, text: 'Second & last' },
    ]);
    expect(plainCueText('&lt;b&gt; &nbsp;x')).toBe('<b> \u00a0x');
  });

  it('finds the caption showing at a time, none between cues', () => {
    const cues = [
      { start: 1, end: 2, text: 'one' },
      { start: 3, end: 4, text: 'two' },
    ];
    expect(captionAt(cues, 0.5)).toBeNull();
    expect(captionAt(cues, 1)?.text).toBe('one');
    expect(captionAt(cues, 2.5)).toBeNull();
    expect(captionAt(cues, 3.99)?.text).toBe('two');
    expect(captionAt(cues, 4)).toBeNull();
  });
});

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'assets/audio/narration/manifest.json'), 'utf8')) as NarrationManifest;
const pack = await loadPack();
const expected = [...pack.eras.map((e) => `era/${e.id}`), ...pack.sites.filter((s) => s.flagship).map((s) => `site/${s.id}`)];
const waypoints = pack.scenes.flatMap((scene) => scene.waypoints.map((w) => ({ key: `waypoint/${scene.id}/${w.id}`, waypoint: w })));
const file = (url: string) => path.join(ROOT, url.replace(/^\//, ''));
const sizeOf = (keys: string[]) =>
  keys.flatMap((key) => Object.values(manifest.items[key] ?? {})).reduce((sum, e) => sum + statSync(file(e!.audio[0])).size, 0);

describe('committed narration', () => {
  it('covers every era, flagship site and scene waypoint in all three languages, and nothing else', () => {
    const all = [...expected, ...waypoints.map((w) => w.key)];
    expect(Object.keys(manifest.items).sort()).toEqual([...all].sort());
    for (const key of all) expect(Object.keys(manifest.items[key]).sort(), key).toEqual([...LANGS].sort());
  });

  it.each(expected)('%s: files exist, match the manifest, captions fit the audio', async (key) => {
    for (const lang of LANGS) {
      const entry = manifest.items[key][lang]!;
      expect(entry.audio[0]).toBe(`/assets/audio/narration/${key}.${lang}.opus`);
      for (const url of [...entry.audio, entry.captions]) expect(existsSync(file(url)), url).toBe(true);
      expect(statSync(file(entry.audio[0])).size).toBe((entry as { bytes?: number }).bytes);
      // Small: Opus at ~9 kbit/s, a minute or two each.
      expect(statSync(file(entry.audio[0])).size).toBeLessThan(200 * 1024);
      const captions = await parseCaptions(readFileSync(file(entry.captions), 'utf8'));
      expect(captions.length).toBeGreaterThan(2);
      expect(captions.at(-1)!.end).toBeLessThanOrEqual(entry.duration);
      for (const [i, c] of captions.entries()) if (i > 0) expect(c.start).toBeGreaterThanOrEqual(captions[i - 1].start);
    }
  });

  it('the captions say the content’s own words, in each language', async () => {
    const era = pack.eras.find((e) => e.id === 'wartime')!;
    for (const lang of LANGS) {
      const entry = manifest.items['era/wartime'][lang]!;
      const text = (await parseCaptions(readFileSync(file(entry.captions), 'utf8'))).map((c) => c.text).join(lang === 'en' ? ' ' : '');
      expect(text.startsWith(era.title[lang].replace(/\s+/g, lang === 'en' ? ' ' : ''))).toBe(true);
      expect(text).toContain(era.summary[lang].replace(/\s+/g, lang === 'en' ? ' ' : '').slice(0, 12));
    }
  });

  it('all narration together stays small', () => {
    expect(sizeOf(expected)).toBeLessThan(5 * 1024 * 1024);
    expect(sizeOf(waypoints.map((w) => w.key))).toBeLessThan(2.5 * 1024 * 1024);
  });
});

// A curator who adds a waypoint or changes its text without running `npm run narration` is caught
// here (and by `npm run narration -- --check`): the tour would otherwise play no voice, or a voice
// saying something other than the caption.
describe('committed walkthrough narration', () => {
  it('the content pack has walkthrough waypoints to narrate', () => {
    expect(pack.scenes.length).toBeGreaterThan(0);
    expect(waypoints.length).toBeGreaterThanOrEqual(pack.scenes.length * 2);
  });

  it.each(waypoints)('$key: files exist, match the manifest, captions say the step’s text', async ({ key, waypoint }) => {
    for (const lang of LANGS) {
      const entry = manifest.items[key]?.[lang];
      expect(entry, `${key} ${lang}: no manifest entry (run npm run narration)`).toBeDefined();
      if (!entry) continue;
      for (const url of [...entry.audio, entry.captions]) expect(existsSync(file(url)), url).toBe(true);
      const bytes = statSync(file(entry.audio[0])).size;
      expect(bytes).toBe((entry as { bytes?: number }).bytes);
      // A step's narration is seconds long: a few KiB at ~9 kbit/s.
      expect(bytes).toBeLessThan(48 * 1024);
      const captions = await parseCaptions(readFileSync(file(entry.captions), 'utf8'));
      expect(captions.length).toBeGreaterThan(0);
      expect(captions.at(-1)!.end).toBeLessThanOrEqual(entry.duration);
      if (entry.voice === 'recorded') continue; // a recording's captions are the museum's own
      expect(entry.audio[0]).toBe(`/assets/audio/narration/${key}.${lang}.opus`);
      const sep = lang === 'en' ? ' ' : '';
      expect(captions.map((c) => c.text).join(sep), `${key} ${lang}: text changed since it was synthesized`).toBe(
        waypoint.narration[lang].replace(/\s+/g, sep).trim(),
      );
    }
  });
});
