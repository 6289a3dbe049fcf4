import { createHash } from 'node:crypto'

/** sha256 of a text or bytes, as hex. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}
