export * from './lib/documents';
export * from './lib/ports/card-requests-ports';
export * from './lib/shared/card-request-context';
export * from './lib/commands/trainer.handlers';
export * from './lib/commands/staff.handlers';
export * from './lib/queries/card-requests-queries.handlers';
export * from './lib/consumers/card-requests.consumers';
export * from './lib/card-requests-handlers';
