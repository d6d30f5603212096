/**
 * Failed sign-ins per (login, client address): after `maxFailures` within `windowMs`, further attempts wait out
 * the window. In memory, per instance: enough to make password guessing slow.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  secondsUntilAllowed(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  /** Returns how long the next attempt must wait (0 if it may go ahead). */
  recordFailure(key: string, now = Date.now()): number {
    this.failures.set(key, [...this.recent(key, now), now]);
    return this.secondsUntilAllowed(key, now);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }
}
