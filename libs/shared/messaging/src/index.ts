export {
  JobQueue,
  type ConsumerOptions,
  type FailedJob,
  type JobBackoff,
  type JobHandler,
  type JobOptions,
  type JobToAdd,
  type QueueCounts,
  type QueuedJob,
} from './lib/queue/job-queue';
export { BullmqJobQueue, DEFAULT_JOB_OPTIONS } from './lib/queue/bullmq-job-queue';
export { redisBackend, postgresBackend, BULLMQ_POSTGRES_SCHEMA, type BullmqBackend } from './lib/queue/bullmq-backends';
export { Outbox, type OutgoingEvent } from './lib/outbox/outbox';
export { OutboxAggregateRepository, type SaveVersions, type VersionedAggregate } from './lib/outbox/outbox-aggregate.repository';
export {
  OutboxRelay,
  relayBackoff,
  DEFAULT_RELAY_OPTIONS,
  type OutboxRow,
  type OutboxStore,
  type RelayOptions,
  type RelayLogger,
} from './lib/outbox/outbox-relay';
export { PostgresOutboxStore } from './lib/outbox/postgres-outbox.store';
export { IntegrationEventConsumers } from './lib/consumers/integration-event-consumers';
export { MessagingModule, OutboxRelayService, type MessagingOptions } from './lib/messaging.module';
export {
  CreateMessagingSchema1763840000000,
  CreateQueueStatus1764000000000,
  messagingMigrations,
  OUTBOX_CHANNEL,
} from './lib/messaging.migration';
export { QueueStatusMetrics } from './lib/status/queue-status.metrics';
export { QueueStatusReporter, DEFAULT_QUEUE_STATUS_INTERVAL_MS } from './lib/status/queue-status.reporter';
