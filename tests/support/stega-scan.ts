/**
 * Where a page carries stega (the invisible edit marks of draft mode), found with
 * @vercel/stega's own decoder: text nodes of the body are where it belongs; the head,
 * attributes (apart from `data-sanity`), scripts and styles are where it would break
 * something (titles, URLs, `lang`, JSON-LD).
 */
import { vercelStegaDecodeAll } from '@vercel/stega'
import { parse, type HTMLElement, NodeType } from 'node-html-parser'

export interface StegaFinding {
  where: 'head' | 'attribute' | 'script' | 'style' | 'text'
  element: string
  attribute?: string
  /** The first decoded payload's edit link. */
  href?: string
}

const payloads = (text: string) => (vercelStegaDecodeAll<{ href?: string }>(text) ?? []) as { href?: string }[]

/** Every place in `html` that holds a stega payload. */
export function findStega(html: string): StegaFinding[] {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } })
  const found: StegaFinding[] = []
  const visit = (el: HTMLElement, inHead: boolean) => {
    const name = el.rawTagName?.toLowerCase() ?? ''
    const head = inHead || name === 'head'
    for (const [attribute, value] of Object.entries(el.attributes)) {
      const decoded = payloads(value)
      if (decoded.length > 0) found.push({ where: head ? 'head' : 'attribute', element: name, attribute, href: decoded[0]?.href })
    }
    for (const child of el.childNodes) {
      if (child.nodeType === NodeType.ELEMENT_NODE) visit(child as HTMLElement, head)
      else if (child.nodeType === NodeType.TEXT_NODE) {
        const decoded = payloads(child.rawText)
        if (decoded.length === 0) continue
        const where = name === 'script' ? 'script' : name === 'style' ? 'style' : head ? 'head' : 'text'
        found.push({ where, element: name, href: decoded[0]?.href })
      }
    }
  }
  visit(root, false)
  return found
}

/** The findings that are not text in the body, nor the `data-sanity` attributes visual editing reads. */
export function misplacedStega(html: string): StegaFinding[] {
  return findStega(html).filter((f) => f.where !== 'text' && !(f.where === 'attribute' && f.attribute === 'data-sanity'))
}
