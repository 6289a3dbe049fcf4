/**
 * The benchmark's publish runs: an incremental build after one figure was edited, as an editor
 * publishing a corrected number does. Pure: documents in, documents out.
 */
import type { Doc } from './synthetic'

/** Units whose value may be any larger whole number (schemas/documents/metric.ts): not percent (≤ 100), not rank. */
export const EDITABLE_UNITS: readonly string[] = ['count', 'days', 'currency']

/**
 * The figure the publish runs edit: the first published metric by `_id` whose unit accepts
 * any larger whole number, so every edit still passes validation.
 */
export function publishTarget(docs: readonly Doc[]): Doc {
  const target = docs
    .filter((d) => d._type === 'metric' && !d._id.startsWith('drafts.') && EDITABLE_UNITS.includes(String(d.unit)))
    .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))[0]
  if (!target) {
    throw new Error(
      `The publish runs need a published metric whose unit is ${EDITABLE_UNITS.join(', ')} (its value can grow by any whole number); the dataset has none.`,
    )
  }
  if (typeof target.value !== 'number' || !Number.isFinite(target.value)) {
    throw new Error(`The publish runs edit ${target._id}.value, but it is not a number (${JSON.stringify(target.value)}).`)
  }
  return target
}

/**
 * The dataset for publish run `run` (0-based): a copy of `docs` where the target's `value` is
 * its original value + run + 1, so each run's dataset differs from the one before. The other
 * documents are the same objects; `docs` is not changed.
 */
export function publishEdit(docs: readonly Doc[], run: number): { docs: Doc[]; edited: string; value: number } {
  if (!Number.isInteger(run) || run < 0) throw new Error(`The publish run must be a whole number from 0 (got ${run}).`)
  const target = publishTarget(docs)
  const value = (target.value as number) + run + 1
  return {
    docs: docs.map((d) => (d === target ? { ...d, value } : d)),
    edited: `${target._id}.value`,
    value,
  }
}
