/*
 * For specs only (`@guichet/accounts/application/testing`): the in-memory harness and fakes of the
 * application's ports, also used by the api lib's test app.
 */
export * from './harness';
export * from './fakes';
