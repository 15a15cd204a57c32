import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SpentProofs, ThrottleStore, type ThrottleCount } from './throttle-store';

interface CountRow {
  hits: number;
  resets_at: Date;
}

/** One row per key; a hit in an elapsed window starts a new one. A single upsert: no race between replicas. */
@Injectable()
export class PostgresThrottleStore extends ThrottleStore {
  private hitsSincePurge = 0;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async hit(key: string, windowSeconds: number, now: Date): Promise<ThrottleCount> {
    const rows: CountRow[] = await this.dataSource.query(
      `INSERT INTO auth.throttle_counters AS t (key, hits, resets_at)
       VALUES ($1, 1, $2::timestamptz + make_interval(secs => $3))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN t.resets_at <= $2::timestamptz THEN 1 ELSE t.hits + 1 END,
         resets_at = CASE WHEN t.resets_at <= $2::timestamptz THEN EXCLUDED.resets_at ELSE t.resets_at END
       RETURNING hits, resets_at`,
      [key, now.toISOString(), windowSeconds],
    );
    await this.purgeNowAndThen(now);
    return { hits: Number(rows[0].hits), resetsAt: new Date(rows[0].resets_at) };
  }

  /** Elapsed counters are dead weight; removing them every few hundred hits keeps the table small. */
  private async purgeNowAndThen(now: Date): Promise<void> {
    if (++this.hitsSincePurge < 500) return;
    this.hitsSincePurge = 0;
    await this.dataSource.query(`DELETE FROM auth.throttle_counters WHERE resets_at < $1`, [now.toISOString()]);
    await this.dataSource.query(`DELETE FROM auth.spent_proofs WHERE expires_at < $1`, [now.toISOString()]);
  }
}

@Injectable()
export class PostgresSpentProofs extends SpentProofs {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async spend(digest: string, expiresAt: Date, now: Date): Promise<boolean> {
    // An expired row with the same digest may linger until the purge: it no longer counts.
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO auth.spent_proofs AS s (digest, expires_at) VALUES ($1, $2)
       ON CONFLICT (digest) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE s.expires_at < $3
       RETURNING digest`,
      [digest, expiresAt.toISOString(), now.toISOString()],
    );
    return rows.length === 1;
  }
}
