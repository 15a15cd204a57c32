export * from './lib/common';
export * from './lib/commands/card-request.commands';
export * from './lib/queries/read-models';
export * from './lib/queries/card-request.queries';
export * from './lib/events/card-requests.integration-events';
