/**
 * The preview server's page script (injected into every page of the preview build only; the
 * public build has no script). It does nothing unless the page is in draft mode (the banner
 * says `data-draft-mode`); then it starts Sanity's visual editing (click-to-edit overlays
 * from the stega-encoded text and the `data-sanity` attributes, and the Presentation tool's
 * navigation and refresh) and follows the server's change stream: after an edit the page
 * fetches itself again and swaps in the new body, without a reload.
 */
const pagePath = () => `${location.pathname}${location.search}${location.hash}`

/** Fetches the page again and swaps its body in; edits that arrive meanwhile are one more swap. */
function createRefresher() {
  let running: Promise<void> | undefined
  let again = false
  const swap = async () => {
    const response = await fetch(location.href, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'text/html' } })
    if (!response.ok) return
    const next = new DOMParser().parseFromString(await response.text(), 'text/html')
    document.title = next.title
    document.body.replaceChildren(...Array.from(document.adoptNode(next.body).childNodes))
    document.documentElement.dataset.previewRefreshes = String(Number(document.documentElement.dataset.previewRefreshes ?? 0) + 1)
  }
  return function refresh(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          await swap()
        } while (again)
      } finally {
        running = undefined
      }
    })()
    return running
  }
}

async function start() {
  const refresh = createRefresher()
  const changes = new EventSource('/api/preview/events')
  changes.addEventListener('change', () => void refresh())
  const { enableVisualEditing } = await import('@sanity/visual-editing/enable-visual-editing')
  enableVisualEditing({
    // The site is a multi-page app: the Presentation tool learns each page's URL on load and
    // navigates by loading another page.
    history: {
      subscribe: (navigate) => {
        navigate({ type: 'push', url: pagePath() })
        return () => {}
      },
      update: (update) => {
        if (update.type === 'pop') return history.back()
        if (update.url === pagePath()) return
        if (update.type === 'replace') location.replace(update.url)
        else location.assign(update.url)
      },
    },
    refresh: () => refresh(),
  })
}

if (document.querySelector('[data-draft-mode]')) void start()
