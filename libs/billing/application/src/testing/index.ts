/*
 * For specs only (`@guichet/billing/application/testing`): fixtures shared with the infrastructure's
 * specs. The in-memory harness (`./harness`, `./fakes`) stays private to this lib's specs.
 */
export { invoiceDetailFixture, ISSUER_FIXTURE } from './invoice-detail.fixture';
