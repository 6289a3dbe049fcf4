/**
 * Excerpts a reader can judge a result by. Pagefind cuts a window of words around the matches
 * (`excerptLength`, in words; on Chinese pages a "word" is one of its segments) and joins the
 * text of block elements with ". ". Here the window is tidied: Chinese joiners become Chinese
 * punctuation, the excerpt starts at the sentence that holds the first match when enough text
 * is left after it, never with a closing bracket or a comma, and ends at a word boundary.
 * Boundaries come from `Intl.Segmenter` in the page's language.
 *
 * An excerpt is a list of parts, each text or a match (Pagefind's `<mark>`); the functions here
 * are pure, the page builds DOM nodes from their result.
 */

/** A run of excerpt text; `mark` when Pagefind marked it as a match. */
export interface ExcerptPart {
  text: string
  mark: boolean
}

/** Lengths in characters: the shortest excerpt worth cutting to a sentence, the longest shown. */
export interface ExcerptLimits {
  min: number
  max: number
}

/**
 * Pagefind's window, in its words: about twice what is shown, so that there is text on both
 * sides of the match to choose a sentence start from (Pagefind starts the window at the top
 * of the page whenever the matches fit in it, which can leave a match at its very end).
 */
export function pagefindExcerptLength(lang: string): number {
  return isChinese(lang) ? 160 : 90
}

/** About 60–120 characters of Chinese, about 25 words of English. */
export function excerptLimits(lang: string): ExcerptLimits {
  return isChinese(lang) ? { min: 60, max: 120 } : { min: 100, max: 170 }
}

const isChinese = (lang: string) => /^zh\b/i.test(lang)

/** Characters an excerpt must not start with: closing brackets and quotes, pauses, stops. */
const LEADING_JUNK = /^[\s\p{Pe}\p{Pf}、。，．,.;:；：!?！？·‧…]+/u
/** The end of a phrase: a closing bracket or quote, a pause or stop (Latin ones before a space). */
const PHRASE_END = /[）」』】〉》、，。：；！？]|[)\]”’]|[,;:.!?](?=\s)/gu
const SENTENCE_END = /[.!?。！？]$/u
const TRAILING_PAUSE = /[\s、，,;；：:]+$/u
const ASCII_ALNUM = /[A-Za-z0-9]/

/** One entry per UTF-16 unit: its character and whether it is inside a mark. */
interface Marked {
  text: string
  marks: boolean[]
}

const toMarked = (parts: readonly ExcerptPart[]): Marked => ({
  text: parts.map((p) => p.text).join(''),
  marks: parts.flatMap((p) => Array.from({ length: p.text.length }, () => p.mark)),
})

function toParts({ text, marks }: Marked): ExcerptPart[] {
  const parts: ExcerptPart[] = []
  for (let i = 0; i < text.length; i++) {
    const last = parts.at(-1)
    if (last && last.mark === marks[i]) last.text += text[i]
    else parts.push({ text: text[i]!, mark: marks[i]! })
  }
  return parts
}

/** Replaces each regex match with what `replace` returns; a replacement takes the mark of the text it replaces. */
function replaceIn(m: Marked, pattern: RegExp, replace: (match: RegExpExecArray, text: string) => string): Marked {
  let text = ''
  const marks: boolean[] = []
  let at = 0
  for (const match of m.text.matchAll(pattern)) {
    text += m.text.slice(at, match.index)
    marks.push(...m.marks.slice(at, match.index))
    const by = replace(match, m.text)
    text += by
    marks.push(...Array.from({ length: by.length }, () => m.marks[match.index] ?? false))
    at = match.index + match[0].length
  }
  return { text: text + m.text.slice(at), marks: [...marks, ...m.marks.slice(at)] }
}

const slice = (m: Marked, start: number, end = m.text.length): Marked => ({ text: m.text.slice(start, end), marks: m.marks.slice(start, end) })

/**
 * On Chinese pages, Pagefind's ". " between blocks becomes "。" (kept between two Latin letters
 * or digits: "U.S. Department") and the space after Chinese punctuation goes.
 */
export function chineseJoiners(parts: readonly ExcerptPart[]): ExcerptPart[] {
  let m = replaceIn(toMarked(parts), /\.(?:\s+|$)/g, (match, text) => {
    const before = text[match.index - 1] ?? ''
    const after = text[match.index + match[0].length] ?? ''
    if (ASCII_ALNUM.test(before) && ASCII_ALNUM.test(after)) return match[0]
    return /[。！？」』）]/.test(before) ? '' : '。'
  })
  m = replaceIn(m, /(?<=[。！？；：，、「」『』（）])\s+/g, () => '')
  return toParts(m)
}

/** Where the excerpt starts: the sentence that holds the first match, when enough text follows it. */
function startAt(m: Marked, lang: string, limits: ExcerptLimits): number {
  const firstMark = Math.max(0, m.marks.indexOf(true))
  let start = 0
  for (const s of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(m.text)) {
    if (s.index > firstMark) break
    if (s.index > 0 && m.text.length - s.index >= limits.min) start = s.index
  }
  return start
}

/**
 * Where a leading fragment ends, when no sentence start will do: just after the first closing
 * bracket, pause or stop in the first few characters ("年）資料來源：…" starts at 資料來源), so an
 * excerpt that Pagefind started inside a phrase starts at the next one. Not past the first match.
 */
function fragmentEnd(m: Marked, lang: string): number {
  const within = Math.min(isChinese(lang) ? 8 : 25, Math.max(0, m.marks.indexOf(true)))
  for (const match of m.text.matchAll(PHRASE_END)) {
    const end = match.index + match[0].length
    return end <= within ? end : 0
  }
  return 0
}

/** Where the first match ends (0 without one). */
function firstMarkEnd(m: Marked): number {
  let end = m.marks.indexOf(true)
  if (end < 0) return 0
  while (m.marks[end]) end++
  return end
}

/** Word boundaries of the text, in order. */
const wordStarts = (text: string, lang: string) => Array.from(new Intl.Segmenter(lang, { granularity: 'word' }).segment(text), (w) => w.index)

/**
 * When the first match ends past `max`, where to start so that it ends inside: a sentence
 * start if one is late enough and not past the match, else a word start.
 */
function startForMatch(m: Marked, lang: string, limits: ExcerptLimits): { at: number; sentence: boolean } {
  // Keep as much as fits before the match, and a little of what follows it.
  const need = Math.min(firstMarkEnd(m) + 20, m.text.length) - limits.max
  if (need <= 0) return { at: 0, sentence: false }
  const sentence = Array.from(new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(m.text), (s) => s.index).find((i) => i >= need && i <= m.marks.indexOf(true))
  return sentence === undefined ? { at: wordStarts(m.text, lang).find((i) => i >= need) ?? 0, sentence: false } : { at: sentence, sentence: true }
}

/** Where the excerpt ends: at most `max` characters, at a word boundary, after the first match. */
function endAt(m: Marked, lang: string, limits: ExcerptLimits): number {
  if (m.text.length <= limits.max) return m.text.length
  const end =
    wordStarts(m.text, lang)
      .filter((i) => i <= limits.max)
      .at(-1) ?? limits.max
  return Math.max(end, firstMarkEnd(m), 1)
}

/**
 * The excerpt as shown: Chinese joiners fixed, started at a sentence (or after any leading
 * closing punctuation), cut to the limits with "…" where text was cut off at the end.
 */
export function tidyExcerpt(parts: readonly ExcerptPart[], lang: string, limits = excerptLimits(lang)): ExcerptPart[] {
  let m = toMarked(isChinese(lang) ? chineseJoiners(parts) : parts)
  const sentence = startAt(m, lang, limits)
  m = slice(m, sentence)
  const moved = startForMatch(m, lang, limits)
  m = slice(m, moved.at)
  // A sentence start is clean; any other start may be inside a phrase.
  if (!sentence && !moved.sentence) m = slice(m, fragmentEnd(m, lang))
  m = slice(m, LEADING_JUNK.exec(m.text)?.[0].length ?? 0)
  const end = endAt(m, lang, limits)
  const cut = end < m.text.length
  m = slice(m, 0, end)
  // Before a "…", a pause or a space would dangle: "產業，…".
  m = slice(m, 0, m.text.replace(cut ? TRAILING_PAUSE : /\s+$/u, '').length)
  // Cut at the end of a sentence, the text needs no "…".
  if (cut && !SENTENCE_END.test(m.text)) m = { text: `${m.text}…`, marks: [...m.marks, false] }
  return toParts(m)
}

/** The plain text of parts (for tests and length checks). */
export const excerptText = (parts: readonly ExcerptPart[]): string => parts.map((p) => p.text).join('')
