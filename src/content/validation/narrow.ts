/**
 * Narrowing a GROQ query to the documents it can match, read from the tree groq-js's
 * `parse()` returns. Slug uniqueness asks one query per document with a slug; scanning
 * every document for each of them would make validation quadratic in the dataset's size.
 * When a query can only match documents found by type, id or slug, it runs over just those.
 */
import type { ExprNode } from 'groq-js'
import type { QueryParams, SanityDocumentLike } from '../source/index.ts'

/** Lookups over a list of documents, in their order. */
export interface DatasetIndex {
  byId: Map<string, SanityDocumentLike[]>
  byType: Map<string, SanityDocumentLike[]>
  bySlug: Map<string, SanityDocumentLike[]>
  position: Map<SanityDocumentLike, number>
}

export function indexDataset(documents: readonly SanityDocumentLike[]): DatasetIndex {
  const index: DatasetIndex = { byId: new Map(), byType: new Map(), bySlug: new Map(), position: new Map() }
  const add = (map: Map<string, SanityDocumentLike[]>, key: unknown, doc: SanityDocumentLike) => {
    if (typeof key !== 'string') return
    const list = map.get(key)
    if (list) list.push(doc)
    else map.set(key, [doc])
  }
  documents.forEach((doc, i) => {
    index.position.set(doc, i)
    add(index.byId, doc._id, doc)
    add(index.byType, doc._type, doc)
    add(index.bySlug, (doc.slug as { current?: unknown } | undefined)?.current, doc)
  })
  return index
}

/**
 * The documents a parsed query can possibly match, when that is a small, exactly known
 * subset: the tree reads the dataset once (one `*`, no `->`, no `^`), that `*` is filtered,
 * and the filter is a conjunction with a term `_type == v`, `_id == v`, `_id in list` or
 * `slug.current == v` (a parameter or a literal: groq-js's parse puts the parameters'
 * values into the tree). Every document left out fails that term, so groq-js gives the same
 * answer over the subset as over all documents. Undefined when the query is not of that shape.
 */
export function narrowDataset(tree: ExprNode, index: DatasetIndex): SanityDocumentLike[] | undefined {
  const filter = singleScanFilter(tree)
  if (!filter) return undefined
  let best: SanityDocumentLike[] | undefined
  for (const term of conjuncts(filter)) {
    const candidates = candidatesFor(term, index)
    if (candidates && (!best || candidates.length < best.length)) best = candidates
  }
  return best
}

/** The filter expression of the query's only `*`, when the query has no other way to reach documents. */
function singleScanFilter(tree: ExprNode): ExprNode | undefined {
  let scans = 0
  let crossing = false
  let filter: ExprNode | undefined
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item)
      return
    }
    if (node === null || typeof node !== 'object') return
    const expr = node as ExprNode
    if (expr.type === 'Everything') scans += 1
    if (expr.type === 'Deref' || expr.type === 'Parent') crossing = true
    if (expr.type === 'Filter' && expr.base.type === 'Everything') filter = expr.expr
    for (const value of Object.values(expr)) visit(value)
  }
  visit(tree)
  return scans === 1 && !crossing ? filter : undefined
}

/** The terms of a conjunction (`a && (b && c)` gives a, b, c); anything else is one term. */
function conjuncts(node: ExprNode): ExprNode[] {
  if (node.type === 'And') return [...conjuncts(node.left), ...conjuncts(node.right)]
  if (node.type === 'Group') return conjuncts(node.base)
  return [node]
}

/** A plain attribute path (`_id`, `slug.current`), or undefined for anything else. */
function attributePath(node: ExprNode): string | undefined {
  if (node.type !== 'AccessAttribute') return undefined
  if (!node.base) return node.name
  const base = attributePath(node.base)
  return base === undefined ? undefined : `${base}.${node.name}`
}

/** The documents that can pass one term of the filter, or undefined when the term does not say. */
function candidatesFor(term: ExprNode, index: DatasetIndex): SanityDocumentLike[] | undefined {
  if (term.type !== 'OpCall' || term.right.type !== 'Value') return undefined
  const field = attributePath(term.left)
  const value: unknown = term.right.value
  if (term.op === '==' && typeof value === 'string') {
    if (field === '_type') return index.byType.get(value) ?? []
    if (field === '_id') return index.byId.get(value) ?? []
    if (field === 'slug.current') return index.bySlug.get(value) ?? []
  }
  if (term.op === 'in' && field === '_id' && Array.isArray(value)) {
    const ids = new Set(value.filter((id): id is string => typeof id === 'string'))
    return [...ids].flatMap((id) => index.byId.get(id) ?? []).sort((a, b) => index.position.get(a)! - index.position.get(b)!)
  }
  return undefined
}

/**
 * The shape of the slug-uniqueness query of schemas/lib/validation.ts,
 * `count(*[_type == $t && slug.current == $s && !(_id in [$a, $b])])` (terms in any order),
 * as the names of its parameters. Every document with a slug sends it, and each answer
 * takes one index lookup, where parsing and evaluating it would cost more than all the
 * other checks of a build whose rule results come from the cache.
 */
export interface SlugCountQuery {
  type: string
  slug: string
  excluded: string[]
}

/** The parameter names of a tree parsed without params, if it is the slug-uniqueness query. */
export function slugCountQuery(tree: ExprNode): SlugCountQuery | undefined {
  if (tree.type !== 'FuncCall' || tree.namespace !== 'global' || tree.name !== 'count' || tree.args.length !== 1) return undefined
  const filter = tree.args[0]!
  if (filter.type !== 'Filter' || filter.base.type !== 'Everything') return undefined
  const terms = conjuncts(filter.expr)
  const type = terms.map((term) => comparedParameter(term, '_type')).find(Boolean)
  const slug = terms.map((term) => comparedParameter(term, 'slug.current')).find(Boolean)
  const excluded = terms.map(excludedIdParameters).find(Boolean)
  return terms.length === 3 && type && slug && excluded ? { type, slug, excluded } : undefined
}

/** `$p` in a term `path == $p`. */
function comparedParameter(term: ExprNode, path: string): string | undefined {
  if (term.type !== 'OpCall' || term.op !== '==' || attributePath(term.left) !== path) return undefined
  return term.right.type === 'Parameter' ? term.right.name : undefined
}

/** The names in a term `!(_id in [$a, $b, ...])`. */
function excludedIdParameters(term: ExprNode): string[] | undefined {
  if (term.type !== 'Not') return undefined
  const inner = term.base.type === 'Group' ? term.base.base : term.base
  if (inner.type !== 'OpCall' || inner.op !== 'in' || attributePath(inner.left) !== '_id' || inner.right.type !== 'Array') return undefined
  const names = inner.right.elements.map((element) => (!element.isSplat && element.value.type === 'Parameter' ? element.value.name : undefined))
  return names.every((name): name is string => name !== undefined) ? names : undefined
}

/**
 * The answer to the slug-uniqueness query from the index: the documents of the slug, of
 * that type, but for the excluded ids. Undefined unless every parameter is a string (the
 * general path then answers).
 */
export function countSlugMatches(query: SlugCountQuery, params: QueryParams, index: DatasetIndex): number | undefined {
  const type = params[query.type]
  const slug = params[query.slug]
  const excluded = query.excluded.map((name) => params[name])
  if (typeof type !== 'string' || typeof slug !== 'string' || !excluded.every((id) => typeof id === 'string')) return undefined
  return (index.bySlug.get(slug) ?? []).filter((doc) => doc._type === type && !excluded.includes(doc._id)).length
}
