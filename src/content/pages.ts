/**
 * Editorial MDX pages per locale: content/pages/<locale segment>/<name>.mdx (e.g.
 * content/pages/zh-tw/about.mdx). MDX pages embed live figures with `<Metric slug="…" />`.
 *
 * They are imported with Vite's `import.meta.glob`, not through an Astro content collection:
 * two pages do not need the content layer, whose sync and type generation would run on every
 * build. The frontmatter is checked here instead,
 * with the same zod schema, and a bad page stops the build with the file and field named.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js'
import { z } from 'astro/zod'
import type { Locale } from '../../schemas/locales'

/** The frontmatter every MDX page must have. */
export const pageFrontmatterSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  /**
   * When the page's text last changed: a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or an
   * instant (2026-11-27T16:09:55Z). The page shows it as its date, so keep it in step with edits.
   */
  updated: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}Z)?)?)?$/)
    .optional(),
})

/** A page's checked frontmatter. */
export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>

interface MdxModule {
  frontmatter: unknown
  default: AstroComponentFactory
}

// Lazy: a page's module is only loaded by the route that renders it.
const modules = import.meta.glob<MdxModule>('/content/pages/*/*.mdx')

/** A loaded MDX page: its frontmatter and the component that renders its body. */
export interface EditorialPage {
  data: PageFrontmatter
  Content: AstroComponentFactory
}

/**
 * Loads content/pages/<segment>/<name>.mdx for a locale.
 * @throws when the file is missing or its frontmatter is incomplete, naming the file and field.
 */
export async function getEditorialPage(locale: Locale, name: string): Promise<EditorialPage> {
  const file = `content/pages/${locale.segment}/${name}.mdx`
  const load = modules[`/${file}`] // the glob's keys start at the project root
  if (!load) {
    throw new Error(`No ${name} page for ${locale.tag}: expected ${file}. Hint: every locale needs its own copy of each MDX page.`)
  }
  const mod = await load()
  return { data: checkFrontmatter(file, mod.frontmatter), Content: mod.default }
}

/**
 * A page's frontmatter, checked.
 * @throws when it is incomplete or malformed, naming the file, each field and the fix.
 */
export function checkFrontmatter(file: string, frontmatter: unknown): PageFrontmatter {
  const parsed = pageFrontmatterSchema.safeParse(frontmatter)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'}: ${i.message}`).join('; ')
  throw new Error(
    `${file} has invalid frontmatter: ${problems}. Hint: it needs a title and a description; "updated" is YYYY, YYYY-MM, YYYY-MM-DD or an instant like 2026-11-27T16:09:55Z.`,
  )
}
