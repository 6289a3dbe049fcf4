/**
 * Named, timed phases of a script, and the one-line summary printed at the end of every
 * build, e.g. `content 0.4s · validate 0.2s · pages 3.1s · search 0.5s · swap 0.0s · total 4.3s`.
 * `total` is the wall time since the process started (module loading included). Phases may
 * run at the same time (the build's pages phase starts next to content and validate), so
 * their sum can exceed the total.
 */
export class Phases {
  /** Seconds per finished (or failed) phase. */
  readonly seconds: Record<string, number> = {}
  /** The phase that failed, if one did. */
  failed: string | undefined

  /** The order phases are listed in; phases not in it follow in the order they finished. */
  private readonly order: readonly string[]

  /**
   * @param order the order phases are listed in (the pipeline's logical order); phases not in
   * it follow in the order they finished.
   */
  constructor(order: readonly string[] = []) {
    this.order = order
  }

  /** Phase names in listing order. */
  private names(): string[] {
    const rank = (name: string) => {
      const i = this.order.indexOf(name)
      return i < 0 ? this.order.length : i
    }
    return Object.keys(this.seconds)
      .map((name, finished) => ({ name, finished }))
      .sort((a, b) => rank(a.name) - rank(b.name) || a.finished - b.finished)
      .map((p) => p.name)
  }

  /** Runs one phase; records its time even when it throws, and which phase failed. */
  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now()
    try {
      return await work()
    } catch (error) {
      this.failed ??= name
      throw error
    } finally {
      this.seconds[name] = (performance.now() - start) / 1000
    }
  }

  /** Seconds since the process started. */
  total(): number {
    return performance.now() / 1000
  }

  /** The phase line; names the failed phase when there is one. */
  line(): string {
    const parts = this.names().map((name) => `${name} ${this.seconds[name]!.toFixed(1)}s`)
    parts.push(`total ${this.total().toFixed(1)}s`)
    return parts.join(' · ') + (this.failed ? ` (failed in ${this.failed})` : '')
  }

  /** Phase times rounded to milliseconds, with the total, for the build report. */
  toJSON(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const name of this.names()) out[name] = Math.round(this.seconds[name]! * 1000) / 1000
    out.total = Math.round(this.total() * 1000) / 1000
    return out
  }
}
