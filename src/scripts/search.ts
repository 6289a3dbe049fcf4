/**
 * The search page's script: Pagefind's JavaScript API (`/pagefind/pagefind.js`, written by
 * the build) and results built as DOM nodes. Everything that comes from the index (page
 * titles, filter values such as industry names, excerpts) is content, so it is set as text
 * (`textContent`, text nodes), never parsed into the page. Excerpts keep the `<mark>`
 * elements Pagefind puts around the matched words: they are read with an inert `DOMParser`
 * document, and only the marks' text and the text between them is copied out.
 *
 * Pagefind picks the index from `<html lang>`. A query is searched in several forms at once
 * and the results merged by page, each page with its best score: its variant spellings
 * (search/variants.ts: 台灣 also finds 臺灣) and, when it names a glossary term or an industry
 * in any language, that name in the page's language (search/terms.ts). Excerpts are tidied
 * by search/excerpt.ts.
 *
 * The address holds the query: typing replaces `?q=…` (so Back returns to the search as
 * typed), `?q=…` starts a search on load, and the language switch links to the other
 * language's search with the same query (without JavaScript it links to that search page).
 */
import { excerptLimits, pagefindExcerptLength, tidyExcerpt, type ExcerptPart } from './search/excerpt'
import { parseTermTable, termMatcher } from './search/terms'
import { variantForms } from './search/variants'

interface PagefindResultData {
  url: string
  meta: { title?: string }
  excerpt: string
  sub_results?: { title: string; url: string; excerpt: string }[]
}
interface PagefindResult {
  /** The page's fragment: one id per page, whichever query found it. */
  id: string
  score: number
  data(): Promise<PagefindResultData>
}
type Filters = Record<string, { any: string[] }>
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>
  filters(): Promise<Record<string, Record<string, number>>>
  search(term: string | null, o: { filters: Filters }): Promise<{ results: PagefindResult[] }>
}

/** The page's words for the UI, from `data-search-labels` (see search.astro). */
interface Labels {
  filters: Record<string, string>
  resultsOne: string
  resultsOther: string
  noResults: string
  loading: string
}

/** Results shown at once, and added by "more". */
const PAGE_SIZE = 5
/** Sub-results (headings inside a page) shown under a result. */
const SUB_RESULTS = 3
/** Milliseconds of no typing before a search runs. */
const DEBOUNCE = 250

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value)
  if (text !== undefined) node.textContent = text
  return node
}

/** Pagefind's excerpt as parts: its `<mark>`s as matches, everything else as text. */
function excerptParts(excerpt: string): ExcerptPart[] {
  // A DOMParser document is inert: nothing in it loads or runs; only text is taken out of it.
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html').body
  return Array.from(parsed.childNodes, (node) => ({ text: node.textContent ?? '', mark: node.nodeName === 'MARK' }))
}

/** Appends an excerpt, tidied: matches as `<mark>`, everything else as text. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const lang = document.documentElement.lang
  for (const part of tidyExcerpt(excerptParts(excerpt), lang, excerptLimits(lang))) target.append(part.mark ? el('mark', {}, part.text) : part.text)
}

/** A same-site link target from the index, or '#' (the index only holds this site's pages). */
function safeHref(url: string): string {
  const target = new URL(url, location.href)
  return target.origin === location.origin ? target.pathname + target.search + target.hash : '#'
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = el('li', { class: 'search-result', 'data-search-result': '' })
  const heading = el('h2', { class: 'text-lg' })
  heading.append(el('a', { href: safeHref(data.url), 'data-search-result-link': '' }, data.meta.title ?? data.url))
  const excerpt = el('p', { class: 'mt-1 text-muted' })
  appendExcerpt(excerpt, data.excerpt)
  item.append(heading, excerpt)
  // A sub-result that repeats the page's own excerpt (its first section) adds nothing.
  const subs = (data.sub_results ?? []).filter((s) => safeHref(s.url) !== safeHref(data.url) && s.excerpt !== data.excerpt).slice(0, SUB_RESULTS)
  if (subs.length) {
    const list = el('ul', { class: 'mt-2 space-y-2 border-s-2 border-line ps-4' })
    for (const sub of subs) {
      const li = el('li')
      const text = el('p', { class: 'text-sm text-muted' })
      appendExcerpt(text, sub.excerpt)
      li.append(el('a', { href: safeHref(sub.url), 'data-search-sub-link': '' }, sub.title), text)
      list.append(li)
    }
    item.append(list)
  }
  return item
}

/** The filter checkboxes, one group per filter; values are content, set as text. */
function renderFilters(box: HTMLElement, filters: Record<string, Record<string, number>>, labels: Labels, onChange: () => void): void {
  box.replaceChildren()
  for (const [name, values] of Object.entries(filters)) {
    const group = el('fieldset', { class: 'search-filter', 'data-search-filter': name })
    group.append(el('legend', { class: 'font-semibold', 'data-search-filter-name': '' }, labels.filters[name] ?? name))
    const list = el('ul', { class: 'mt-2 space-y-2' })
    for (const [value, count] of Object.entries(values)) {
      const label = el('label', { class: 'flex items-start gap-2' })
      const checkbox = el('input', { type: 'checkbox', class: 'search-checkbox', 'data-search-filter-checkbox': '' })
      checkbox.value = value
      checkbox.addEventListener('change', onChange)
      label.append(checkbox, el('span', { 'data-search-filter-value': '' }, value), el('span', { class: 'text-muted' }, `(${count})`))
      const li = el('li')
      li.append(label)
      list.append(li)
    }
    group.append(list)
    box.append(group)
  }
  box.hidden = Object.keys(filters).length === 0
}

/** The filters ticked, in Pagefind's form: any of the ticked values of each filter. */
function selectedFilters(box: HTMLElement): Filters {
  const selected: Filters = {}
  for (const group of box.querySelectorAll<HTMLElement>('[data-search-filter]')) {
    const values = Array.from(group.querySelectorAll<HTMLInputElement>('input:checked'), (i) => i.value)
    if (values.length) selected[group.dataset.searchFilter!] = { any: values }
  }
  return selected
}

function countText(labels: Labels, n: number, lang: string): string {
  const template = new Intl.PluralRules(lang).select(n) === 'one' ? labels.resultsOne : labels.resultsOther
  return template.replace('{n}', new Intl.NumberFormat(lang).format(n))
}

/**
 * Searches every query and merges the results by page, each with its best score, best first.
 * `[null]` searches by the filters alone.
 */
async function searchAll(pagefind: Pagefind, queries: (string | null)[], filters: Filters): Promise<PagefindResult[]> {
  const found = await Promise.all(queries.map((q) => pagefind.search(q, { filters })))
  const best = new Map<string, PagefindResult>()
  for (const result of found.flatMap((f) => f.results)) {
    const seen = best.get(result.id)
    if (!seen || result.score > seen.score) best.set(result.id, result)
  }
  return [...best.values()].sort((a, b) => b.score - a.score)
}

/** The term table of this language's search; without it, search works without the terms. */
async function loadTerms(url: string | undefined): Promise<(query: string) => string[]> {
  if (!url) return () => []
  try {
    const response = await fetch(url)
    return termMatcher(parseTermTable(response.ok ? await response.json() : null))
  } catch (error) {
    console.warn('Search terms could not be loaded:', error)
    return () => []
  }
}

/**
 * Puts the query in the address (replacing the entry: Back leaves the search as typed) and in
 * the language switch's links, which without JavaScript go to the other search page.
 */
function syncAddress(query: string): void {
  const url = new URL(location.href)
  if (query) url.searchParams.set('q', query)
  else url.searchParams.delete('q')
  if (url.href !== location.href) history.replaceState(history.state, '', url)
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch=""][hreflang]')) {
    link.dataset.searchBase ??= link.getAttribute('href')!
    link.setAttribute('href', query ? `${link.dataset.searchBase}?${new URLSearchParams({ q: query })}` : link.dataset.searchBase)
  }
}

/** Wires the search UI inside `root`; rejects when Pagefind cannot be loaded. */
async function start(root: HTMLElement): Promise<void> {
  const labels = JSON.parse(root.dataset.searchLabels ?? '{}') as Labels
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!
  const filterBox = root.querySelector<HTMLElement>('[data-search-filters]')!
  const status = root.querySelector<HTMLElement>('[data-search-status]')!
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!
  const lang = document.documentElement.lang
  // A variable keeps the bundler from resolving the index's module at build time.
  const pagefindUrl = '/pagefind/pagefind.js'
  const [pagefind, termsOf] = await Promise.all([import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>, loadTerms(root.dataset.searchTerms)])
  await pagefind.options({ excerptLength: pagefindExcerptLength(lang) })

  let results: PagefindResult[] = []
  let shown = 0
  /** Counts searches: an answer to any but the latest is dropped. */
  let latest = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const showMore = async () => {
    const next = results.slice(shown, shown + PAGE_SIZE)
    list.setAttribute('aria-busy', 'true')
    const data = await Promise.all(next.map((r) => r.data()))
    list.append(...data.map(resultItem))
    shown += next.length
    list.removeAttribute('aria-busy')
    more.hidden = shown >= results.length
  }
  const run = async () => {
    const term = input.value.trim()
    const filters = selectedFilters(filterBox)
    const search = ++latest
    if (!term && Object.keys(filters).length === 0) {
      results = []
      list.replaceChildren()
      status.textContent = ''
      more.hidden = true
      return
    }
    status.textContent = labels.loading
    const queries = term ? [...new Set([term, ...termsOf(term)].flatMap(variantForms))] : [null]
    const found = await searchAll(pagefind, queries, filters)
    if (search !== latest) return // a newer search replaced this one
    results = found
    shown = 0
    list.replaceChildren()
    status.textContent = results.length ? countText(labels, results.length, lang) : labels.noResults
    await showMore()
  }
  const runSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), DEBOUNCE)
  }

  renderFilters(filterBox, await pagefind.filters(), labels, () => void run())
  input.addEventListener('input', () => {
    syncAddress(input.value.trim())
    runSoon()
  })
  root.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault()
    clearTimeout(timer)
    void run()
  })
  more.addEventListener('click', () => void showMore())
  const q = new URLSearchParams(location.search).get('q')
  if (q) input.value = q
  syncAddress(input.value.trim())
  // The input is there before this script: a reader may have typed while Pagefind loaded.
  if (input.value.trim()) void run()
}

const root = document.querySelector<HTMLElement>('[data-search]')
if (root) {
  start(root).catch((error: unknown) => {
    console.error('Search could not start:', error)
    document.getElementById('search-unavailable')?.removeAttribute('hidden')
    root.hidden = true
  })
}
