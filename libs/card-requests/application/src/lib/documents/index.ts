export * from './participants-csv';
export * from './cards-pdf-renderer';
export * from './card-request-formats';
export * from './card-request-mails';
