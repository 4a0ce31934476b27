/**
 * Turns content text into narration segments: one caption cue per sentence (long sentences are cut
 * at a comma so a cue fits two lines on screen), each with the text shown in the captions and the
 * text given to the speech synthesiser (years read the way people say them, units spelled out).
 * Pure, so the rules are unit-tested (tests/unit/audio-narration-text.test.ts).
 */

export type NarrationLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

export interface Segment {
  /** What the captions and the transcript show: the content's own words. */
  text: string;
  /** What the synthesiser reads. */
  spoken: string;
  /** True for the first segment of a paragraph: a longer pause comes before it. */
  paragraphStart: boolean;
}

/** Longest caption cue, in characters (CJK) or characters (English), before it is cut at a comma. */
export const MAX_CUE_CHARS: Record<NarrationLanguage, number> = { 'zh-Hans': 40, 'zh-Hant': 40, en: 130 };

const CJK_SENTENCE_END = /(?<=[。！？；])/u;
const CJK_CLAUSE_END = /(?<=[，、：])/u;
// An English sentence ends at . ! ? (optionally followed by a closing quote or bracket) and a space,
// except after abbreviations that this content uses ("No. 1", "St.", "e.g.").
const EN_ABBREVIATIONS = /(?:\b(?:No|Nos|St|Mr|Mrs|Dr|Co|Ltd|Inc|approx|e\.g|i\.e|etc|vs))$/;
const EN_CLAUSE_END = /(?<=[,;:–—])\s+/;

function splitEnglishSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["'’”)\]]?\s+/g;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const before = paragraph.slice(start, m.index);
    if (EN_ABBREVIATIONS.test(before)) continue;
    // "3.5 km": a full stop between digits never matches (no space); a capital or digit must follow.
    const next = paragraph[m.index + m[0].length];
    if (next && !/[A-Z0-9"'‘“(]/.test(next)) continue;
    out.push(paragraph.slice(start, m.index + m[0].length).trim());
    start = m.index + m[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function splitCjkSentences(paragraph: string): string[] {
  return paragraph
    .split(CJK_SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Cuts a long sentence at clause marks into pieces of at most `max` characters where possible. */
function cutLong(sentence: string, max: number, clause: RegExp): string[] {
  if (sentence.length <= max) return [sentence];
  const clauses = sentence.split(clause).filter((c) => c.trim());
  const pieces: string[] = [];
  let current = '';
  for (const c of clauses) {
    if (current && (current + c).length > max) {
      pieces.push(current.trim());
      current = c;
    } else current += current && clause === EN_CLAUSE_END ? ` ${c}` : c;
  }
  if (current.trim()) pieces.push(current.trim());
  // A stub ("Match-making,") reads badly on its own: join it to its shorter neighbour.
  const joiner = clause === EN_CLAUSE_END ? ' ' : '';
  for (let i = 0; i < pieces.length && pieces.length > 1; ) {
    if (pieces[i].length >= max / 3) {
      i++;
      continue;
    }
    const withPrev = i > 0 ? pieces[i - 1].length : Number.POSITIVE_INFINITY;
    const withNext = i < pieces.length - 1 ? pieces[i + 1].length : Number.POSITIVE_INFINITY;
    if (withPrev <= withNext) pieces.splice(i - 1, 2, pieces[i - 1] + joiner + pieces[i]);
    else pieces.splice(i, 2, pieces[i] + joiner + pieces[i + 1]);
  }
  return pieces;
}

const ZH_DIGITS = '〇一二三四五六七八九';

/** "1891年" is read "一八九一年", digit by digit, as Mandarin speakers say years. */
export function speakChinese(text: string): string {
  return text
    .replace(/(?<!\d)(\d{4})\s*[—–-]\s*(\d{4})(?!\d)/g, '$1至$2')
    .replace(/(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g, (y) => [...y].map((d) => ZH_DIGITS[Number(d)]).join(''));
}

function speakYear(y: number): string {
  const hi = Math.floor(y / 100);
  const lo = y % 100;
  if (y >= 2000 && y < 2010) return lo === 0 ? 'two thousand' : `two thousand and ${lo}`;
  if (lo === 0) return `${hi} hundred`;
  if (lo < 10) return `${hi} oh ${lo}`;
  return `${hi} ${lo}`;
}

/** English for the synthesiser: "1891" → "18 91" (eighteen ninety-one), "No. 2" → "Number 2", units spelled out. */
export function speakEnglish(text: string): string {
  return text
    .replace(/\bNo\.\s*(?=\d)/g, 'Number ')
    .replace(/\bNos\.\s*(?=\d)/g, 'Numbers ')
    .replace(/(\d)\s*[–—]\s*(?=\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/g, '$1 to ')
    .replace(/(?<![\d.,])(1[1-9]\d\d|20\d\d)(?!\d|[.,]\d)(s?)/g, (_m, y: string, plural: string) => speakYear(Number(y)) + plural)
    .replace(/(\d)\s*km²/g, '$1 square kilometres')
    .replace(/(\d)\s*m²/g, '$1 square metres')
    .replace(/(\d)\s*km\b/g, '$1 kilometres')
    .replace(/(\d)\s*ha\b/g, '$1 hectares')
    .replace(/\s*[–—]\s*/g, ', ');
}

/** Splits one paragraph into segments. */
export function segmentParagraph(paragraph: string, lang: NarrationLanguage): Segment[] {
  const text = paragraph.replace(/\s+/g, lang === 'en' ? ' ' : '').trim();
  if (!text) return [];
  const sentences = lang === 'en' ? splitEnglishSentences(text) : splitCjkSentences(text);
  const pieces = sentences.flatMap((s) => cutLong(s, MAX_CUE_CHARS[lang], lang === 'en' ? EN_CLAUSE_END : CJK_CLAUSE_END));
  return pieces.map((piece, i) => ({
    text: piece,
    spoken: lang === 'en' ? speakEnglish(piece) : speakChinese(piece),
    paragraphStart: i === 0,
  }));
}

/** Splits a narration (a list of texts, each possibly several paragraphs) into segments. */
export function segmentNarration(texts: string[], lang: NarrationLanguage): Segment[] {
  return texts.flatMap((t) => t.split(/\n\s*\n|\n/).flatMap((p) => segmentParagraph(p, lang)));
}
