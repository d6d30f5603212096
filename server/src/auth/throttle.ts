/** A sign-in as the throttle sees it: the login name (trimmed, lowercased) and the client address. */
export interface SignInAttempt {
  login: string;
  address: string;
}

/** One address failed with this many distinct names: a password spray, or many people behind one untrusted proxy. */
export interface SprayReport {
  address: string;
  names: number;
  failures: number;
}

interface Failure {
  at: number;
  login: string;
}

/** Sign-ins being checked at once from one address; more are refused, so one address cannot fill the hashing queue. */
const IN_FLIGHT_PER_ADDRESS = 2;
/** Distinct names failing from one address within the window before it is reported (once per window). */
const SPRAY_NAMES = 10;
/** Addresses remembered before the forgotten ones are swept, so addresses that never come back do not pile up. */
const SWEEP_AT = 10_000;

/** Seconds until fewer than `limit` of these failure times are within the window (0: now). */
function secondsUntilBelow(times: number[], limit: number, windowMs: number, now: number): number {
  if (times.length < limit) return 0;
  const blocking = times[times.length - limit] ?? now;
  return Math.max(1, Math.ceil((blocking + windowMs - now) / 1000));
}

/**
 * Failed sign-ins per (login, client address), and per client address across logins: after `maxFailures` for one
 * login, or `failuresPerAddress` (configured, passed per check) from one address, within `windowMs`, further attempts
 * wait out the window. An address also has at most two sign-ins checked at once. In memory, per instance: enough to
 * make password guessing and spraying slow, and to keep one address from monopolising password hashing.
 */
export class LoginThrottle {
  private readonly byLogin = new Map<string, number[]>();
  private readonly byAddress = new Map<string, Failure[]>();
  private readonly inFlight = new Map<string, number>();
  private readonly reportedAt = new Map<string, number>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recentOf<T extends number | Failure>(map: Map<string, T[]>, key: string, now: number): T[] {
    const kept = (map.get(key) ?? []).filter(
      (entry) => now - (typeof entry === 'number' ? entry : entry.at) < this.windowMs,
    );
    if (kept.length === 0) map.delete(key);
    else map.set(key, kept);
    return kept;
  }

  /** How long failures keep this login, or its address, out (0: not locked out). */
  secondsLockedOut(attempt: SignInAttempt, failuresPerAddress: number, now = Date.now()): number {
    const perLogin = this.recentOf(this.byLogin, `${attempt.login}|${attempt.address}`, now);
    const perAddress = this.recentOf(this.byAddress, attempt.address, now).map((failure) => failure.at);
    return Math.max(
      secondsUntilBelow(perLogin, this.maxFailures, this.windowMs, now),
      secondsUntilBelow(perAddress, failuresPerAddress, this.windowMs, now),
    );
  }

  /** How long the attempt must wait: locked out, or its address has as many sign-ins being checked as it may. */
  secondsUntilAllowed(attempt: SignInAttempt, failuresPerAddress: number, now = Date.now()): number {
    const busy = (this.inFlight.get(attempt.address) ?? 0) >= IN_FLIGHT_PER_ADDRESS ? 1 : 0;
    return Math.max(this.secondsLockedOut(attempt, failuresPerAddress, now), busy);
  }

  /** Marks a sign-in of this address as being checked; call the returned function when it is done. */
  begin(address: string): () => void {
    this.inFlight.set(address, (this.inFlight.get(address) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.inFlight.get(address) ?? 1) - 1;
      if (left > 0) this.inFlight.set(address, left);
      else this.inFlight.delete(address);
    };
  }

  /** Counts the failure; returns a report the first time in a window that many names fail from its address. */
  recordFailure(attempt: SignInAttempt, now = Date.now()): SprayReport | null {
    if (this.byAddress.size > SWEEP_AT) this.sweep(now);
    const key = `${attempt.login}|${attempt.address}`;
    this.byLogin.set(key, [...this.recentOf(this.byLogin, key, now), now]);
    const failures = [...this.recentOf(this.byAddress, attempt.address, now), { at: now, login: attempt.login }];
    this.byAddress.set(attempt.address, failures);
    return this.sprayReport(attempt.address, failures, now);
  }

  recordSuccess(attempt: SignInAttempt): void {
    this.byLogin.delete(`${attempt.login}|${attempt.address}`);
  }

  private sprayReport(address: string, failures: Failure[], now: number): SprayReport | null {
    const names = new Set(failures.map((failure) => failure.login)).size;
    if (names < SPRAY_NAMES) return null;
    const reported = this.reportedAt.get(address);
    if (reported !== undefined && now - reported < this.windowMs) return null;
    this.reportedAt.set(address, now);
    return { address, names, failures: failures.length };
  }

  private sweep(now: number): void {
    for (const key of [...this.byAddress.keys()]) this.recentOf(this.byAddress, key, now);
    for (const key of [...this.byLogin.keys()]) this.recentOf(this.byLogin, key, now);
    for (const [address, at] of this.reportedAt) if (now - at >= this.windowMs) this.reportedAt.delete(address);
  }
}
