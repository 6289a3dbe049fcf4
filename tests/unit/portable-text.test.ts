import { describe, expect, it } from 'vitest'
import { parse } from 'node-html-parser'
import type { PortableTextBlock } from '@portabletext/types'
import { localeById, type LocaleId } from '../../schemas/locales'
import { renderPortableText, safeExternalHref, portableTextToPlain } from '../../src/components/portable-text'
import type { SiteView } from '../../src/content/views'

const documentsById: SiteView['documentsById'] = Object.fromEntries([
  ['industry-cyber', { type: 'industry', slug: 'cybersecurity' }],
  ['term-5-2', { type: 'glossaryTerm', slug: '5-plus-2' }],
  ['section-trends', { type: 'section', slug: 'global-trends' }],
])

let n = 0
const key = () => `k${++n}`
function para(children: { text: string; marks?: string[] }[], markDefs: Record<string, unknown>[] = []): PortableTextBlock {
  return {
    _type: 'block',
    _key: key(),
    style: 'normal',
    markDefs: markDefs.map((d) => ({ _key: key(), ...d })) as PortableTextBlock['markDefs'],
    children: children.map((c) => ({ _type: 'span', _key: key(), text: c.text, marks: c.marks ?? [] })),
  }
}
function linkBlock(href: string, text = 'click'): PortableTextBlock {
  const block = para([{ text }])
  block.markDefs = [{ _key: 'm', _type: 'link', href } as never]
  ;(block.children[0] as { marks: string[] }).marks = ['m']
  return block
}
function internalBlock(ref: string, text = 'see'): PortableTextBlock {
  const block = para([{ text }])
  block.markDefs = [{ _key: 'm', _type: 'internalLink', reference: { _type: 'reference', _ref: ref } } as never]
  ;(block.children[0] as { marks: string[] }).marks = ['m']
  return block
}
const render = (blocks: PortableTextBlock[], locale: LocaleId = 'en', dropped?: string[]) =>
  renderPortableText(blocks, { locale: localeById[locale], documentsById, onDroppedLink: (r) => dropped?.push(r) })

describe('Portable Text escaping', () => {
  it('escapes a <script> in a span', () => {
    const html = render([para([{ text: '<script>alert(1)</script> & "quotes"' }])])
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&amp;')
  })

  it('escapes markup in link text and keeps decorators', () => {
    const block = para([{ text: '<b>bold?</b>', marks: ['strong'] }])
    const html = render([block])
    expect(html).toBe('<p><strong>&lt;b&gt;bold?&lt;/b&gt;</strong></p>')
  })

  it('escapes quotes in an href so an attribute cannot be broken out of', () => {
    for (const href of ['https://example.org/?q="><script>x</script>', 'mailto:a@example.org?subject="><img src=x onerror=alert(1)>']) {
      const html = render([linkBlock(href)])
      expect(html).not.toMatch(/<script|<img/i)
      const a = parse(html).querySelector('a')!
      expect(Object.keys(a.attributes).sort()).toEqual(['data-external', 'href', 'rel'])
      expect(a.querySelectorAll('*').map((e) => e.tagName.toLowerCase())).toEqual(['svg', 'path', 'span'])
    }
  })
})

describe('external links', () => {
  for (const href of ['https://www.ndc.gov.tw/', 'http://example.org/a?b=1#c', 'mailto:hello@example.org']) {
    it(`keeps ${href} as an external link`, () => {
      const html = render([linkBlock(href)])
      expect(html).toContain('rel="noopener noreferrer"')
      expect(html).toContain('data-external')
      expect(html).toContain('<span class="sr-only">(external link)</span>')
      expect(html).toContain('class="ext-icon"')
      expect(html).toMatch(/<a href="(https?|mailto):/)
    })
  }

  it('labels external links in Chinese on Chinese pages', () => {
    expect(render([linkBlock('https://example.org/')], 'zhTW')).toContain('<span class="sr-only">（外部連結）</span>')
  })

  for (const href of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/',
    'tel:+886212345678',
    '/relative/path',
    '//evil.example.org/',
    'not a url',
    '',
  ]) {
    it(`renders ${JSON.stringify(href)} as plain text`, () => {
      const dropped: string[] = []
      const html = render([linkBlock(href, 'label')], 'en', dropped)
      expect(html).toBe('<p>label</p>')
      expect(dropped).toHaveLength(1)
    })
  }

  it('safeExternalHref accepts only absolute http, https and mailto', () => {
    expect(safeExternalHref('https://a.example/')).toBe('https://a.example/')
    expect(safeExternalHref('javascript:alert(1)')).toBeUndefined()
    expect(safeExternalHref(undefined)).toBeUndefined()
    expect(safeExternalHref(42)).toBeUndefined()
  })
})

describe('internal links', () => {
  it('resolves a reference to the same-language page', () => {
    expect(render([internalBlock('industry-cyber')], 'en')).toBe('<p><a href="/en/industries/cybersecurity/">see</a></p>')
    expect(render([internalBlock('industry-cyber')], 'zhTW')).toBe('<p><a href="/zh-tw/industries/cybersecurity/">see</a></p>')
  })

  it('resolves glossary terms and sections to anchors', () => {
    expect(render([internalBlock('term-5-2')], 'zhTW')).toContain('href="/zh-tw/glossary/#5-plus-2"')
    expect(render([internalBlock('section-trends')], 'en')).toContain('href="/en/policy/#global-trends"')
  })

  it('renders a reference to a missing document as text', () => {
    const dropped: string[] = []
    expect(render([internalBlock('nope')], 'en', dropped)).toBe('<p>see</p>')
    expect(dropped[0]).toMatch(/nope/)
  })
})

describe('portableTextToPlain', () => {
  it('joins block text', () => {
    expect(portableTextToPlain([para([{ text: 'a' }, { text: 'b' }]), para([{ text: 'c' }])])).toBe('ab\n\nc')
  })
})

describe('headings', () => {
  const heading = (style: string): PortableTextBlock => ({ ...para([{ text: 'Title' }]), style })
  it('keeps h3/h4 by default and shifts them to fit the page outline', () => {
    expect(render([heading('h3'), heading('h4')])).toBe('<h3>Title</h3><h4>Title</h4>')
    const shifted = renderPortableText([heading('h3'), heading('h4')], { locale: localeById.en, documentsById, headingShift: -1 })
    expect(shifted).toBe('<h2>Title</h2><h3>Title</h3>')
    expect(renderPortableText([heading('h3')], { locale: localeById.en, documentsById, headingShift: -5 })).toBe('<h2>Title</h2>')
  })
})
