import type { FieldHint } from '@guichet/shared/kernel';
import { InvalidTrainerCardNumber } from './accounts.errors';

// Optional four letters (the printed username prefix), three digits, a hyphen, then 1 to 8 digits.
const CARD = /^(?:[A-Z]{4})?(\d{3})-(\d{1,8})$/;

/**
 * The number on a trainer's (« formateur / moniteur ») card, e.g. `003-1234`.
 *
 * The manual says the username is the card's four letters then « les 3 chiffres précédant le tiret »,
 * so a card reads `ETHC003-1234`: the letters come from the name and are not part of the identity.
 * We accept the number with or without those letters, spaces ignored, and keep the canonical digits
 * form `003-1234`, so « Inscrire votre numéro de carte » works however the trainer types it.
 */
export class TrainerCardNumber {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Throws {@link InvalidTrainerCardNumber} (`ACCOUNTS.INVALID_TRAINER_CARD_NUMBER`). */
  static parse(raw: string, hint?: FieldHint): TrainerCardNumber {
    const card = TrainerCardNumber.tryParse(raw);
    if (card === null) throw new InvalidTrainerCardNumber(hint);
    return card;
  }

  /** Like {@link TrainerCardNumber.parse}, but null for a malformed value (a lookup that simply finds nobody). */
  static tryParse(raw: string): TrainerCardNumber | null {
    const compact = typeof raw === 'string' ? raw.replace(/\s+/gu, '').replace(/[‐‑–—]/gu, '-').toUpperCase() : '';
    const match = CARD.exec(compact);
    return match ? new TrainerCardNumber(`${match[1]}-${match[2]}`) : null;
  }

  /** The three digits before the hyphen, which end the trainer's username. */
  get series(): string {
    return this.value.slice(0, 3);
  }

  equals(other: TrainerCardNumber | null | undefined): boolean {
    return other instanceof TrainerCardNumber && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
