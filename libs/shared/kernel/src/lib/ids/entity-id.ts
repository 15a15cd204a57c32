import { InvalidId, type FieldHint } from '../errors/kernel.errors';
import { isUuid, uuidv7 } from './uuid';

declare const idBrand: unique symbol;

/**
 * A UUID string branded with the name of what it identifies, for places that keep ids as strings
 * (read models, DTO mapping): `Id<'Trainer'>` cannot be passed where `Id<'Invoice'>` is expected.
 */
export type Id<TName extends string> = string & { readonly [idBrand]: TName };

/** Validates `value` as a UUID and brands it. Throws {@link InvalidId}. */
export function toId<TName extends string>(value: string, idType: TName, hint?: FieldHint): Id<TName> {
  if (!isUuid(value)) throw new InvalidId(idType, hint);
  return value.toLowerCase() as Id<TName>;
}

/** A new UUIDv7, branded. */
export function newId<TName extends string>(): Id<TName> {
  return uuidv7() as Id<TName>;
}

/**
 * Base of the typed ids of aggregates and entities: a UUID kept lowercase.
 *
 * ```ts
 * export class TrainerId extends EntityId<'TrainerId'> {}
 * const id = TrainerId.from(dto.trainerId); // throws InvalidId (KERNEL.INVALID_ID)
 * const fresh = TrainerId.generate();       // a UUIDv7
 * ```
 * The type parameter makes ids of different kinds incompatible even though they have the same shape.
 * `from` accepts any RFC 9562 UUID (data from elsewhere); `generate` makes a UUIDv7, so new rows sort
 * by creation time in B-tree indexes.
 */
export abstract class EntityId<TName extends string = string> {
  /** Type-only: makes `EntityId<'A'>` and `EntityId<'B'>` incompatible. Not emitted. */
  declare readonly [idBrand]: TName;
  readonly value: string;

  /** Prefer `from` and `generate`; the constructor validates as well. */
  constructor(value: string, hint?: FieldHint) {
    if (!isUuid(value)) throw new InvalidId(new.target.name, hint);
    this.value = value.toLowerCase();
  }

  static from<T extends EntityId>(this: new (value: string, hint?: FieldHint) => T, value: string, hint?: FieldHint): T {
    return new this(value, hint);
  }

  static generate<T extends EntityId>(this: new (value: string) => T): T {
    return new this(uuidv7());
  }

  /** Same kind of id and same value. */
  equals(other: EntityId | null | undefined): boolean {
    return other != null && other.constructor === this.constructor && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
