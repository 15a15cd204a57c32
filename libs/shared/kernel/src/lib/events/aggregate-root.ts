import type { EntityId } from '../ids/entity-id';
import type { DomainEvent } from './domain-event';

/**
 * Base of every aggregate: holds its id, its persisted version and the domain events it recorded
 * since it was loaded. Repositories save the state and `pullEvents()` into the outbox in one
 * transaction.
 *
 * `version` supports optimistic concurrency: a repository loads the aggregate with the stored
 * version, saves with `WHERE version = :version`, fails with a conflict when no row matched, and
 * then calls {@link AggregateRoot.markPersisted} with the new version.
 */
export abstract class AggregateRoot<TId extends EntityId | string = EntityId> {
  readonly id: TId;
  private currentVersion: number;
  private recorded: DomainEvent[] = [];

  /** @param version the stored version; 0 for an aggregate never saved. */
  protected constructor(id: TId, version = 0) {
    assertVersion(version);
    this.id = id;
    this.currentVersion = version;
  }

  /** The version the aggregate was loaded or last saved with. */
  get version(): number {
    return this.currentVersion;
  }

  /** Repositories call this after a successful save. */
  markPersisted(newVersion: number = this.currentVersion + 1): void {
    assertVersion(newVersion);
    if (newVersion < this.currentVersion) {
      throw new RangeError(`Aggregate version cannot go back from ${this.currentVersion} to ${newVersion}`);
    }
    this.currentVersion = newVersion;
  }

  /** Records an event for the repository to store with the state. Aggregate methods only. */
  protected record(event: DomainEvent): void {
    this.recorded.push(event);
  }

  /** The recorded events, oldest first; the aggregate forgets them. */
  pullEvents(): DomainEvent[] {
    const events = this.recorded;
    this.recorded = [];
    return events;
  }

  /** The recorded events without removing them (tests, logging). */
  peekEvents(): readonly DomainEvent[] {
    return [...this.recorded];
  }

  hasPendingEvents(): boolean {
    return this.recorded.length > 0;
  }
}

function assertVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new RangeError(`Aggregate version must be a non-negative integer, got ${version}`);
  }
}
