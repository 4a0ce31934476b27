/**
 * What an uploaded file really is, from its first bytes (never from its name or the browser's
 * Content-Type). Only formats a museum needs and that a browser cannot execute: JPEG, PNG, WebP,
 * GIF; MP3, Ogg, WAV, M4A; WebVTT captions. No SVG (it can carry script), no HTML.
 */
export type MediaKind = 'image' | 'audio' | 'captions';

export interface MediaType {
  ext: string;
  mime: string;
  kind: MediaKind;
}

export const MEDIA_TYPES: Record<string, MediaType> = {
  jpg: { ext: 'jpg', mime: 'image/jpeg', kind: 'image' },
  png: { ext: 'png', mime: 'image/png', kind: 'image' },
  webp: { ext: 'webp', mime: 'image/webp', kind: 'image' },
  gif: { ext: 'gif', mime: 'image/gif', kind: 'image' },
  mp3: { ext: 'mp3', mime: 'audio/mpeg', kind: 'audio' },
  ogg: { ext: 'ogg', mime: 'audio/ogg', kind: 'audio' },
  wav: { ext: 'wav', mime: 'audio/wav', kind: 'audio' },
  m4a: { ext: 'm4a', mime: 'audio/mp4', kind: 'audio' },
  vtt: { ext: 'vtt', mime: 'text/vtt', kind: 'captions' },
};

/** File-name extensions accepted for each type (`photo.JPEG` is a jpg). */
export const EXTENSION_ALIASES: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg', oga: 'ogg', opus: 'ogg', vtt: 'vtt' };

/** Largest file per kind. */
export const MEDIA_LIMITS: Record<MediaKind, number> = {
  image: 10 * 1024 * 1024,
  audio: 40 * 1024 * 1024,
  captions: 1024 * 1024,
};
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(MEDIA_LIMITS));

const ascii = (b: Uint8Array, at: number, text: string) => {
  if (b.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** An MPEG audio frame header: 11 sync bits, a real version and layer, a usable bitrate. */
function mpegFrame(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || (b[1] & 0xe0) !== 0xe0) return false;
  const version = (b[1] >> 3) & 0x03;
  const layer = (b[1] >> 1) & 0x03;
  const bitrate = b[2] >> 4;
  const rate = (b[2] >> 2) & 0x03;
  return version !== 1 && layer !== 0 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

function webVtt(b: Uint8Array): boolean {
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  if (!ascii(b, start, 'WEBVTT')) return false;
  const next = b[start + 6];
  if (!(next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d)) return false;
  // Text only: valid UTF-8, no NUL bytes.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  return !b.includes(0);
}

/** The type of these bytes, or undefined when it is none we accept. */
export function sniffMedia(b: Uint8Array): MediaType | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return MEDIA_TYPES.jpg;
  if (b.length >= 8 && ascii(b, 0, '\x89PNG\r\n\x1a\n')) return MEDIA_TYPES.png;
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return MEDIA_TYPES.webp;
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return MEDIA_TYPES.gif;
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return MEDIA_TYPES.wav;
  if (ascii(b, 0, 'OggS')) return MEDIA_TYPES.ogg;
  if (ascii(b, 4, 'ftyp') && (ascii(b, 8, 'M4A ') || ascii(b, 8, 'M4B ') || ascii(b, 8, 'mp42') || ascii(b, 8, 'isom'))) return MEDIA_TYPES.m4a;
  if (ascii(b, 0, 'ID3') || mpegFrame(b)) return MEDIA_TYPES.mp3;
  if (webVtt(b)) return MEDIA_TYPES.vtt;
  return undefined;
}

/**
 * A file name as given by the uploader: a plain name with an extension, nothing that could name
 * another place. Returns the problem, or undefined when the name is fine.
 */
export function fileNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'give the file name';
  if (name.length > 200) return 'the file name is too long';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control characters are not allowed in a file name';
  if (name.includes('/') || name.includes('\\')) return 'a file name may not contain / or \\ (no folders or paths)';
  if (name === '.' || name === '..' || name.startsWith('.')) return 'a file name may not start with a dot';
  if (name.includes('..')) return 'a file name may not contain ".."';
  if (/^[a-zA-Z]:/.test(name)) return 'a file name may not name a drive';
  if (!/\.[A-Za-z0-9]{2,5}$/.test(name)) return 'the file name needs an extension such as .jpg, .mp3 or .vtt';
  return undefined;
}

/** The type a file name claims, by its extension, or undefined for an extension we do not take. */
export function typeOfName(name: string): MediaType | undefined {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return MEDIA_TYPES[EXTENSION_ALIASES[ext] ?? ext];
}
