/**
 * How a static host reads `_headers` (Cloudflare Pages' documented behaviour, which Netlify's
 * format shares): blocks of a path pattern and indented `Name: value` lines; `*` matches
 * anything (also nothing), `:name` one path segment; a request gets the headers of every rule
 * that matches it, and a header named by several of them gets their values joined with ", ".
 * Written apart from src/integrations/headers-file.ts so the tests read the file as a host does.
 */

export interface ParsedRule {
  path: string
  headers: [string, string][]
}

export function parseHeadersFile(text: string): ParsedRule[] {
  const rules: ParsedRule[] = []
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] })
      continue
    }
    const rule = rules.at(-1)
    const colon = line.indexOf(':')
    if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" is neither a path nor a "Name: value" line under one.`)
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()])
  }
  return rules
}

const escapeRegex = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

const compiled = new Map<string, RegExp>()

export function ruleMatches(pattern: string, path: string): boolean {
  let regex = compiled.get(pattern)
  if (!regex) {
    regex = patternRegex(pattern)
    compiled.set(pattern, regex)
  }
  return regex.test(path)
}

function patternRegex(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') && part.length > 1 ? '[^/]+' : escapeRegex(part)))
    .join('')
  return new RegExp(`^${source}$`)
}

/** The headers a host sends for a path: lower-cased names, values of repeated names joined. */
export function headersFor(rules: readonly ParsedRule[], path: string): Map<string, string> {
  const sent = new Map<string, string>()
  for (const rule of rules) {
    if (!ruleMatches(rule.path, path)) continue
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase()
      sent.set(key, sent.has(key) ? `${sent.get(key)}, ${value}` : value)
    }
  }
  return sent
}
