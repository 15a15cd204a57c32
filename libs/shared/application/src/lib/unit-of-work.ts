/**
 * Port: runs work in one database transaction. Repositories called inside `run` join it, so an
 * aggregate's state and its outbox rows commit together or not at all. Nested calls join the outer
 * transaction instead of opening a second one.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
  /** True while the caller runs inside `run`. */
  abstract get active(): boolean;
}
