export * from './lib/card-requests.errors';
export * from './lib/card-request.values';
export * from './lib/card-request.events';
export * from './lib/card-request.aggregate';
export * from './lib/card-request.repository';
