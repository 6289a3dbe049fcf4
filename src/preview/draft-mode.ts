/**
 * Draft mode: an HttpOnly cookie the preview server sets after Sanity's preview-URL secret
 * checked out, signed with a key that lives only in this server process (a restart ends every
 * draft session; the Presentation tool starts a new one when it opens the page).
 *
 * `SameSite=None; Secure; Partitioned` so that it works inside the Studio's iframe, a
 * third-party context (browsers treat http://localhost and 127.0.0.1 as secure).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const DRAFT_COOKIE = 'preview-draft-mode'

/** How long a draft session lasts without the Presentation tool renewing it: a working day. */
export const DRAFT_SESSION_SECONDS = 8 * 60 * 60

const key = randomBytes(32)
const sign = (expires: string) => createHmac('sha256', key).update(expires).digest('base64url')

/** A new cookie value: its expiry and the signature of it. */
export function draftCookieValue(now = Date.now()): string {
  const expires = String(Math.floor(now / 1000) + DRAFT_SESSION_SECONDS)
  return `${expires}.${sign(expires)}`
}

/** Whether a cookie value was made by this process and has not expired. */
export function isDraftCookie(value: string | undefined, now = Date.now()): boolean {
  const [expires, signature] = (value ?? '').split('.')
  if (!expires || !signature || !/^\d+$/.test(expires) || Number(expires) * 1000 <= now) return false
  const expected = Buffer.from(sign(expires))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export const draftCookieOptions = { httpOnly: true, secure: true, sameSite: 'none', partitioned: true, path: '/', maxAge: DRAFT_SESSION_SECONDS } as const
