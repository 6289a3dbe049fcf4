/**
 * Astro content collections. `pages`: editorial MDX pages per locale, in
 * content/pages/<locale segment>/<name>.mdx (e.g. content/pages/zh-tw/about.mdx). The glob
 * loader lowercases ids, so the folder is the lowercase URL segment and ids read
 * `zh-tw/about`, `en/about`. MDX pages embed live figures with `<Metric slug="…" />`.
 */
import { defineCollection } from 'astro:content'
import { glob } from 'astro/loaders'
import { z } from 'astro/zod'

const pages = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/pages' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
    /** Partial ISO date of the last editorial review: YYYY, YYYY-MM or YYYY-MM-DD. */
    updated: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  }),
})

export const collections = { pages }
