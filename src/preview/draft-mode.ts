/**
 * Draft mode: an HttpOnly cookie the preview server sets after Sanity's preview-URL secret
 * checked out, signed with a key that lives only in this server process (a restart ends every
 * draft session; the Presentation tool starts a new one when it opens the page).
 *
 * The server can take a cookie back before it expires: leaving draft mode revokes that
 * session (a short list of revoked session ids, each kept until its cookie would expire), and
 * ending draft mode everywhere replaces the key, which ends every session at once.
 *
 * `SameSite=None; Secure; Partitioned` so that it works inside the Studio's iframe, a
 * third-party context (browsers treat http://localhost and 127.0.0.1 as secure).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const DRAFT_COOKIE = 'preview-draft-mode'

/** How long a draft session lasts without the Presentation tool renewing it: a working day. */
export const DRAFT_SESSION_SECONDS = 8 * 60 * 60

let key = randomBytes(32)
/** Revoked session ids, each with the second its cookie expires (then it is dropped). */
const revoked = new Map<string, number>()
const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url')

/** A new cookie value: its expiry, a session id, and the signature of both. */
export function draftCookieValue(now = Date.now()): string {
  const payload = `${Math.floor(now / 1000) + DRAFT_SESSION_SECONDS}.${randomBytes(12).toString('base64url')}`
  return `${payload}.${sign(payload)}`
}

/** The session of a cookie value made by this process with the current key, unexpired; else undefined. */
function session(value: string | undefined, now: number): { id: string; expires: number } | undefined {
  const [expires, id, signature] = (value ?? '').split('.')
  if (!expires || !id || !signature || !/^\d+$/.test(expires) || Number(expires) * 1000 <= now) return undefined
  const expected = Buffer.from(sign(`${expires}.${id}`))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected) ? { id, expires: Number(expires) } : undefined
}

/** Whether a cookie value turns draft mode on: made by this process, not expired, not revoked. */
export function isDraftCookie(value: string | undefined, now = Date.now()): boolean {
  const found = session(value, now)
  return found !== undefined && !revoked.has(found.id)
}

/** Revokes the session of a valid cookie value; returns whether there was one to revoke. */
export function revokeDraftCookie(value: string | undefined, now = Date.now()): boolean {
  if (!isDraftCookie(value, now)) return false
  for (const [id, expires] of revoked) if (expires * 1000 <= now) revoked.delete(id)
  const { id, expires } = session(value, now)!
  revoked.set(id, expires)
  return true
}

/** Ends every draft session: a new key, which no cookie made before was signed with. */
export function endAllDraftSessions(): void {
  key = randomBytes(32)
  // Every revoked session was signed with the old key, so none can come back.
  revoked.clear()
}

export const draftCookieOptions = { httpOnly: true, secure: true, sameSite: 'none', partitioned: true, path: '/', maxAge: DRAFT_SESSION_SECONDS } as const
