/** Whether a value holds content an editor wrote: a non-blank string or a non-empty array (Portable Text). */
export function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.length > 0
  return false
}
