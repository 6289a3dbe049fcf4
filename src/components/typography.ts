/**
 * Line breaks in headings that mix Chinese and Latin text. A line may break after any Han
 * character and at any space, so a narrow screen can end a line right after a Latin word
 * ("IMD⏎世界數位競爭力…"), which reads as a broken name. `word-break: keep-all` would stop
 * breaks between Han characters too, and `text-wrap: balance` only moves the break. So each
 * Latin word or number is tied to the Han character after it ("IMD 世", "2025 年"): the pair
 * goes in a no-break span (`.nobr`), and the line breaks before the word instead.
 */

/** A piece of a heading's text; `together` pieces render in a `.nobr` span. */
export interface TextPiece {
  text: string
  together: boolean
}

// A Latin word or number (with the marks inside names: "4.0", "AT&T", "e-mail"), the spaces
// after it, and the Han character that follows.
const LATIN_THEN_HAN = /[A-Za-z0-9][A-Za-z0-9.,+&%'’-]*\s*\p{Script=Han}/gu

/** The text in pieces, each Latin word tied to the Han character after it. */
export function keepLatinWithHan(text: string): TextPiece[] {
  const pieces: TextPiece[] = []
  let at = 0
  for (const match of text.matchAll(LATIN_THEN_HAN)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), together: false })
    pieces.push({ text: match[0], together: true })
    at = match.index + match[0].length
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), together: false })
  return pieces
}
