/**
 * Where the draft-mode routes may send an editor: a path on this server, nothing else. The
 * target is resolved the way a browser would resolve it (`new URL(to, origin)`: tabs and
 * newlines dropped, `\` read as `/`, `//host` as another host), must keep this server's
 * origin, and only its path and query go into Location, so no form of it can name another
 * origin and no character in it can make the header invalid. Anything else goes to `/`.
 */
export function sameOriginPath(to: string | null | undefined, requestUrl: string): string {
  if (!to) return '/'
  let target: URL
  try {
    // Relative to the root, not to the route's own URL: `alert(1)` is `/alert(1)`, never a path under /api/.
    target = new URL(to, new URL('/', requestUrl))
  } catch {
    return '/'
  }
  if (target.origin !== new URL(requestUrl).origin) return '/'
  // `/.//host` resolves to the path `//host`, which a browser would read as another host.
  const path = `${target.pathname}${target.search}`
  return /^\/[/\\]/.test(path) ? '/' : path
}
