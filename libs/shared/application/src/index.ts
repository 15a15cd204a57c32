export { UnitOfWork } from './lib/unit-of-work';
export {
  IntegrationEventHandler,
  integrationEventHandlerOf,
  INTEGRATION_EVENT_HANDLER,
  type HandlesIntegrationEvent,
  type IntegrationEventHandlerMetadata,
} from './lib/integration-event-handler.decorator';
export { CONSUMER_NAME_PATTERN, InvalidConsumerName, assertConsumerName } from './lib/consumer-name';
