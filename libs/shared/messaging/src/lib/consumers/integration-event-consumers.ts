import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { integrationEventHandlerOf, type HandlesIntegrationEvent } from '@guichet/shared/application';
import { parseIntegrationEventEnvelope } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { UnrecoverableError } from 'bullmq';
import { JobQueue, type ConsumerOptions, type FailedJob, type QueuedJob } from '../queue/job-queue';

/** Injection token of the consumers' BullMQ settings. */
export const CONSUMER_OPTIONS = Symbol('CONSUMER_OPTIONS');

interface Consumer {
  readonly name: string;
  readonly eventName: string;
  readonly handler: HandlesIntegrationEvent;
}

/**
 * Finds every `@IntegrationEventHandler` provider and gives each its own queue, named after the
 * consumer. Each job runs in one unit of work that first records (consumer, message id) in the inbox
 * and skips the handler when the row was already there: a redelivered event has no second effect.
 * The consumer name is thus both the queue name and the inbox key.
 *
 * Delivery is at least once and in best-effort order: retries with backoff, several relays and
 * consumer concurrency can reorder events. A handler that throws is retried (`MessagingOptions.retry`),
 * then its job is kept as failed (`failedJobs`, the `guichet_queue_failed_jobs` gauge); a message that
 * is not a valid envelope fails at once.
 */
@Injectable()
export class IntegrationEventConsumers implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('IntegrationEventConsumers');
  private readonly consumers: Consumer[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly queue: JobQueue,
    private readonly unitOfWork: TypeOrmUnitOfWork,
    @Inject(CONSUMER_OPTIONS) private readonly options: ConsumerOptions,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const metadata = integrationEventHandlerOf(wrapper.metatype);
      if (!metadata || !wrapper.instance) continue;
      if (this.consumers.some((consumer) => consumer.name === metadata.consumer)) {
        throw new Error(`Two integration event handlers share the consumer name ${metadata.consumer}`);
      }
      this.consumers.push({ name: metadata.consumer, eventName: metadata.eventName, handler: wrapper.instance as HandlesIntegrationEvent });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const consumer of this.consumers) {
      await this.queue.consume(consumer.name, (job) => this.process(consumer, job), this.options);
      this.logger.log(`Consumer ${consumer.name} listens to ${consumer.eventName}`);
    }
    await this.reportFailedJobs();
  }

  /** Names of the consumer queues subscribed to an event (the relay publishes to each). */
  consumersOf(eventName: string): string[] {
    return this.consumers.filter((consumer) => consumer.eventName === eventName).map((consumer) => consumer.name);
  }

  /** Failed jobs kept per consumer queue, for operators. */
  async failedJobs(limit = 100): Promise<Record<string, FailedJob[]>> {
    const result: Record<string, FailedJob[]> = {};
    for (const consumer of this.consumers) result[consumer.name] = await this.queue.failedJobs(consumer.name, limit);
    return result;
  }

  private async process(consumer: Consumer, job: QueuedJob): Promise<void> {
    const message = parseOrFail(job.data);
    await this.unitOfWork.run(async () => {
      const inserted: unknown[] = await this.unitOfWork
        .transactionManager()
        .query(
          `INSERT INTO messaging.inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING message_id`,
          [consumer.name, message.messageId],
        );
      if (inserted.length === 0) {
        this.logger.debug(`Consumer ${consumer.name} already handled message ${message.messageId}; skipped`);
        return;
      }
      await consumer.handler.handle(message);
    });
  }

  private async reportFailedJobs(): Promise<void> {
    for (const consumer of this.consumers) {
      const count = await this.queue.failedCount(consumer.name).catch(() => 0);
      if (count > 0) this.logger.warn(`Queue ${consumer.name} keeps ${count} failed jobs (see JobQueue.failedJobs)`);
    }
  }
}

function parseOrFail(data: unknown): ReturnType<typeof parseIntegrationEventEnvelope> {
  try {
    return parseIntegrationEventEnvelope(data);
  } catch (error) {
    // Retrying cannot fix a malformed message: fail it at once, it stays visible in the failed set.
    throw new UnrecoverableError((error as Error).message);
  }
}
