import { SpentProofs, ThrottleStore, type ThrottleCount } from './throttle-store';

/** For unit tests and single-process tools only: counters live in this process. */
export class InMemoryThrottleStore extends ThrottleStore {
  readonly counters = new Map<string, ThrottleCount>();

  async hit(key: string, windowSeconds: number, now: Date): Promise<ThrottleCount> {
    const current = this.counters.get(key);
    const next =
      current === undefined || current.resetsAt <= now
        ? { hits: 1, resetsAt: new Date(now.getTime() + windowSeconds * 1000) }
        : { hits: current.hits + 1, resetsAt: current.resetsAt };
    this.counters.set(key, next);
    return next;
  }
}

export class InMemorySpentProofs extends SpentProofs {
  private readonly spent = new Map<string, Date>();

  async spend(digest: string, expiresAt: Date, now: Date): Promise<boolean> {
    const known = this.spent.get(digest);
    if (known !== undefined && known >= now) return false;
    this.spent.set(digest, expiresAt);
    return true;
  }
}
