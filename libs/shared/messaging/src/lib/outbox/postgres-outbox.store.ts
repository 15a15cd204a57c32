import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from '../messaging.migration';
import type { OutboxRow, OutboxStore, RelayLogger } from './outbox-relay';

interface OutboxRecord {
  id: string;
  event_name: string;
  occurred_at: Date;
  payload: unknown;
}

/** The relay's view of `messaging.outbox`, woken by the insert trigger's NOTIFY. */
export class PostgresOutboxStore implements OutboxStore {
  private listener?: Client;
  private connecting?: Promise<void>;
  /** A notification came since the last batch started: check again before waiting. */
  private notified = true;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly databaseUrl: string,
    private readonly logger: RelayLogger,
  ) {}

  async publishBatch(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<void>): Promise<number> {
    this.notified = false;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const records: OutboxRecord[] = await runner.query(
        `SELECT id, event_name, occurred_at, payload FROM messaging.outbox
         WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      const ids = records.map((record) => record.id);
      if (ids.length > 0) {
        try {
          await publish(records.map(toRow));
        } catch (error) {
          await runner.rollbackTransaction();
          await this.recordFailure(ids, error);
          throw error;
        }
        await runner.query(
          `UPDATE messaging.outbox SET published_at = now(), publish_attempts = publish_attempts + 1, last_error = NULL
           WHERE id = ANY($1::uuid[])`,
          [ids],
        );
      }
      await runner.commitTransaction();
      return ids.length;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  async waitForRows(ms: number, signal: AbortSignal): Promise<void> {
    await this.listen();
    if (this.notified || signal.aborted) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.wake = done;
    });
  }

  async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async recordFailure(ids: string[], error: unknown): Promise<void> {
    await this.dataSource
      .query(`UPDATE messaging.outbox SET publish_attempts = publish_attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [
        ids,
        String((error as Error).message ?? error).slice(0, 1000),
      ])
      .catch(() => undefined);
  }

  /** Keeps one LISTEN connection; when it cannot, the poll interval still delivers. */
  private listen(): Promise<void> {
    if (this.listener) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'guichet-outbox-relay' });
    client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    client.on('error', (error) => {
      this.logger.warn(`Outbox relay lost its LISTEN connection (${error.message}); polling until it is back`);
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
      // Rows inserted while we were not listening sent no notification we could hear.
      this.notified = true;
    } catch (error) {
      this.logger.warn(`Outbox relay cannot LISTEN (${(error as Error).message}); polling instead`);
      await client.end().catch(() => undefined);
    }
  }
}

function toRow(record: OutboxRecord): OutboxRow {
  return {
    messageId: record.id,
    eventName: record.event_name,
    occurredAt: record.occurred_at.toISOString(),
    payload: record.payload,
  };
}
