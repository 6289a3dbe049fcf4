import { useEffect, useState } from 'react'
import { useClient, type DocumentActionComponent, type SanityDocument } from 'sanity'
import { LaunchIcon } from '@sanity/icons'
import { resolveSiteUrl, siteLinks, type SiteDocument } from '../lib/siteUrls'
import { OPEN_ON_SITE } from '../singletons'
import { singletons } from '../../schemas'

declare module 'sanity' {
  // Registers our action key, so `action: 'openOnSite'` type-checks and the singleton filter keeps it.
  interface DocumentActionKeys {
    openOnSite: never
  }
}

/** SANITY_STUDIO_SITE_URL, replaced at build time (written out in full for the bundler). */
const SITE_URL_FROM_ENV = process.env.SANITY_STUDIO_SITE_URL

/**
 * The site's public address: SANITY_STUDIO_SITE_URL when set (e.g. http://localhost:4321 next to
 * `npm run dev`), else the published siteSettings `siteUrl`. `undefined` while loading or unset.
 */
function useSiteUrl(): string | undefined {
  const client = useClient({ apiVersion: '2025-02-19' })
  const fromEnv = resolveSiteUrl(SITE_URL_FROM_ENV, undefined)
  const [fromSettings, setFromSettings] = useState<string | undefined>(undefined)
  useEffect(() => {
    if (fromEnv) return undefined
    const subscription = client.observable
      .fetch<string | null>('*[_id == $id][0].siteUrl', { id: singletons.siteSettings })
      .subscribe({ next: (value) => setFromSettings(value ?? undefined), error: () => setFromSettings(undefined) })
    return () => subscription.unsubscribe()
  }, [client, fromEnv])
  return fromEnv ?? resolveSiteUrl(undefined, fromSettings)
}

const linkStyle = { display: 'block', padding: '0.75rem 0', fontSize: '1rem', wordBreak: 'break-all' } as const

/**
 * "Open on the site": a dialog with the document's page in every language. The site shows
 * published content, so the published slug wins over a changed draft slug.
 */
export const OpenOnSiteAction: DocumentActionComponent = (props) => {
  const [open, setOpen] = useState(false)
  const siteUrl = useSiteUrl()
  const doc = (props.published ?? props.draft ?? props.version) as (SanityDocument & SiteDocument) | null
  const result = siteLinks({ _type: props.type, slug: doc?.slug }, siteUrl)

  if ('reason' in result && result.reason === 'not-on-site') return null

  const base = { label: 'Open on the site', icon: LaunchIcon }
  if ('reason' in result) {
    return { ...base, disabled: true, title: 'Add a slug (and publish) first: the page address is made from it.' }
  }
  if (!siteUrl) {
    return {
      ...base,
      disabled: true,
      title: 'No site address: set SANITY_STUDIO_SITE_URL for the Studio, or "Site URL" in Site settings, and publish it.',
    }
  }

  return {
    ...base,
    title: "Open this document's page on the site, in each language",
    onHandle: () => setOpen(true),
    dialog: open
      ? {
          type: 'dialog',
          header: 'Open on the site · 在網站上開啟',
          onClose: () => setOpen(false),
          content: (
            <div data-testid="open-on-site">
              {result.links.map((link) => (
                <a key={link.locale.id} href={link.url} target="_blank" rel="noopener noreferrer" hrefLang={link.locale.tag} style={linkStyle}>
                  <strong>{link.locale.label}</strong> ({link.locale.tag}) — {link.url}
                </a>
              ))}
              <p style={{ marginTop: '1rem', opacity: 0.75 }}>
                The site shows published content; changes appear after publishing and the next site build. 網站顯示已發布的內容，發布並重新建置後才會更新。
              </p>
            </div>
          ),
        }
      : null,
  }
}
OpenOnSiteAction.action = OPEN_ON_SITE
OpenOnSiteAction.displayName = 'OpenOnSiteAction'
