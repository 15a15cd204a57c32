export { UnitOfWork } from './lib/unit-of-work';
export { inTransactionWithRetry, isConcurrentUpdate } from './lib/transaction-retry';
export {
  IntegrationEventHandler,
  integrationEventHandlerOf,
  INTEGRATION_EVENT_HANDLER,
  type HandlesIntegrationEvent,
  type IntegrationEventHandlerMetadata,
  type IntegrationEventHandlerOptions,
} from './lib/integration-event-handler.decorator';
export { CONSUMER_NAME_PATTERN, InvalidConsumerName, assertConsumerName } from './lib/consumer-name';
export { METRICS_COLLECTOR, type MetricsCollector } from './lib/metrics-collector';
export {
  MailOutbox,
  InMemoryMailOutbox,
  MAIL_LANGUAGES,
  type MailLanguage,
  type MailAttachmentRef,
  type MailMessage,
  type MailParamValue,
} from './lib/mail/mail-outbox';
