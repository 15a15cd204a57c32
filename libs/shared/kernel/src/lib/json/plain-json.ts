export type JsonPrimitive = string | number | boolean | null;
export type JsonArray = readonly JsonValue[];
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * A value that survives `JSON.stringify`/`JSON.parse` unchanged. Functions, `Date`, `Map`, `bigint`,
 * `undefined` and objects with methods do not fit. Interfaces lack an index signature and do not fit
 * either: for payloads declared as interfaces use {@link PlainJson} as a constraint instead.
 */
export type JsonValue = JsonPrimitive | JsonArray | JsonObject;

type NotJson = ((...args: never[]) => unknown) | Date | RegExp | Map<unknown, unknown> | Set<unknown> | bigint | symbol | undefined;

/** What a property of a plain JSON object may hold, checked recursively. */
export type PlainJsonField<V> = V extends JsonPrimitive
  ? V
  : V extends NotJson
    ? never
    : V extends readonly (infer U)[]
      ? readonly PlainJsonField<U>[]
      : V extends object
        ? { [K in keyof V]: PlainJsonField<V[K]> }
        : never;

/**
 * The JSON-plain shape of the object type `T`. Use it as a self-referencing constraint
 * (`<T extends PlainJson<T>>`): unlike {@link JsonObject} it accepts interfaces and optional
 * properties, and it rejects `Date`, functions, methods, `Map`, `Set`, `bigint` and properties typed
 * `| undefined` anywhere in the structure.
 */
export type PlainJson<T> = { [K in keyof T]: PlainJsonField<T[K]> };

/** Thrown when a value meant to cross a process boundary is not plain JSON: a programming error. */
export class NotPlainJsonError extends TypeError {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`Not plain JSON at ${path}: ${problem}`);
    this.name = 'NotPlainJsonError';
  }
}

/**
 * Checks at run time that `value` is plain JSON: null, booleans, strings, finite numbers, dense arrays
 * and objects whose prototype is `Object.prototype` or `null`, with string keys and no cycles.
 * The outbox calls it before it stores a payload, so a `Date` or a class instance fails at the
 * source instead of arriving changed at the consumer.
 */
export function assertPlainJson(value: unknown, path = '$'): asserts value is JsonValue {
  check(value, path, []);
}

export function isPlainJson(value: unknown): value is JsonValue {
  try {
    check(value, '$', []);
    return true;
  } catch (error) {
    if (error instanceof NotPlainJsonError) return false;
    throw error;
  }
}

function check(value: unknown, path: string, ancestors: object[]): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotPlainJsonError(path, `non-finite number ${value}`);
    return;
  }
  if (typeof value !== 'object') throw new NotPlainJsonError(path, `${typeof value} is not JSON`);
  if (ancestors.includes(value)) throw new NotPlainJsonError(path, 'circular reference');
  const inside = [...ancestors, value];
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw new NotPlainJsonError(path, 'array subclass');
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new NotPlainJsonError(`${path}[${i}]`, 'hole in array');
      check(value[i], `${path}[${i}]`, inside);
    }
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
    throw new NotPlainJsonError(path, `instance of ${name}`);
  }
  if (Object.getOwnPropertySymbols(value).length > 0) throw new NotPlainJsonError(path, 'symbol key');
  for (const [key, child] of Object.entries(value)) {
    check(child, `${path}.${key}`, inside);
  }
}
