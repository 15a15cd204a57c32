/**
 * A consumer name is its queue name and its inbox key, so it must stay stable. BullMQ forbids `:` in
 * queue names; we allow lowercase words joined by dots or hyphens.
 */
export const CONSUMER_NAME_PATTERN = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

export class InvalidConsumerName extends TypeError {
  constructor(readonly consumer: string) {
    super(`Consumer name "${consumer}" must be lowercase words joined by dots or hyphens (it names a queue)`);
    this.name = 'InvalidConsumerName';
  }
}

export function assertConsumerName(name: string): void {
  // Checked at run time too: a missing name would otherwise test as the string "undefined".
  if (typeof name !== 'string' || !CONSUMER_NAME_PATTERN.test(name)) throw new InvalidConsumerName(String(name));
}
