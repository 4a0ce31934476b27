/** WebVTT writing for the narration script (the front end parses with media-captions). */

export interface Cue {
  start: number;
  end: number;
  text: string;
}

/** 83.25 → "00:01:23.250" */
export function formatTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** A cue text may not contain "-->" or a blank line, and <, & must be escaped. */
function escapeCueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/-->/g, '--&gt;')
    .replace(/\n\s*\n/g, '\n');
}

export function buildVtt(cues: Cue[], note: string): string {
  const blocks = cues.map((c, i) => `${i + 1}\n${formatTimestamp(c.start)} --> ${formatTimestamp(c.end)}\n${escapeCueText(c.text)}`);
  return `WEBVTT\n\nNOTE\n${note.replace(/-->/g, '->')}\n\n${blocks.join('\n\n')}\n`;
}
