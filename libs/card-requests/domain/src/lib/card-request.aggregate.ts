import { AggregateRoot, LocalDate } from '@guichet/shared/kernel';
import {
  CardPaymentMinimum,
  CardRequestNotDraft,
  CardRequestReadOnly,
  InvalidCardRequestField,
  InvalidCardRequestStatus,
  NoParticipants,
  ParticipantNotFound,
} from './card-requests.errors';
import { CardRequestCanceled, CardRequestSubmitted, CardsProduced, CardsShipped } from './card-request.events';
import {
  CARD_MINIMUM_CENTS,
  isVerificationCode,
  normalizeName,
  type BillToCode,
  type CardRequestStatus,
  type ParticipantDetails,
  type PaymentMethodCode,
  type SessionDetails,
  type TrainerDetails,
} from './card-request.values';

export interface CardSnapshot {
  readonly participantId: string;
  readonly cardNumber: string;
  readonly verificationCode: string;
  readonly expiresOn: string | null;
  readonly issuedAt: Date;
  /** Set when the card was replaced by a reissue. */
  readonly revokedAt: Date | null;
}

export interface ParticipantSnapshot extends ParticipantDetails {
  readonly id: string;
  /** Insertion order, kept on edit. */
  readonly position: number;
  readonly nameKey: string;
}

export interface PaymentSnapshot {
  readonly method: PaymentMethodCode;
  readonly billTo: BillToCode;
  readonly unitPriceCents: number;
  readonly totalCents: number;
  readonly lang: 'fr' | 'en';
}

export interface CardRequestSnapshot {
  readonly id: string;
  readonly version: number;
  readonly number: string;
  readonly status: CardRequestStatus;
  readonly trainer: TrainerDetails;
  readonly session: SessionDetails;
  readonly participants: readonly ParticipantSnapshot[];
  readonly payment: PaymentSnapshot | null;
  readonly invoice: { readonly id: string; readonly number: string } | null;
  readonly cards: readonly CardSnapshot[];
  readonly trackingNumber: string | null;
  readonly canceledReason: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly submittedAt: Date | null;
}

export interface NewCard {
  readonly participantId: string;
  readonly cardNumber: string;
  readonly verificationCode: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const MAX_REASON = 1000;
const MAX_TRACKING = 100;

/**
 * A trainer's request for participants' cards (« Guichet – Demande de cartes »). Statuses move forward
 * only: `draft → submitted → invoiced → paid → cards-produced → shipped`, and `canceled` from any state
 * before `shipped`. Only the trainer edits, only in draft; the price is kept at submission; one card per
 * participant at production, a reissue revokes the old one.
 */
export class CardRequest extends AggregateRoot<string> {
  private constructor(
    private state: Mutable<CardRequestSnapshot>,
    version: number,
  ) {
    super(state.id, version);
  }

  static create(params: { id: string; number: string; trainer: TrainerDetails; session: SessionDetails; now: Date }): CardRequest {
    return new CardRequest(
      {
        id: params.id,
        version: 0,
        number: params.number,
        status: 'draft',
        trainer: { ...params.trainer },
        session: params.session,
        participants: [],
        payment: null,
        invoice: null,
        cards: [],
        trackingNumber: null,
        canceledReason: null,
        createdAt: params.now,
        updatedAt: params.now,
        submittedAt: null,
      },
      0,
    );
  }

  static restore(snapshot: CardRequestSnapshot): CardRequest {
    return new CardRequest({ ...snapshot, participants: [...snapshot.participants], cards: [...snapshot.cards] }, snapshot.version);
  }

  toSnapshot(): CardRequestSnapshot {
    return { ...this.state, version: this.version, participants: [...this.state.participants], cards: [...this.state.cards] };
  }

  get number(): string {
    return this.state.number;
  }
  get status(): CardRequestStatus {
    return this.state.status;
  }
  get trainerAccountId(): string {
    return this.state.trainer.accountId;
  }
  get secondTrainerAccountId(): string | null {
    return this.state.session.secondTrainer?.accountId ?? null;
  }
  get session(): SessionDetails {
    return this.state.session;
  }
  get participants(): readonly ParticipantSnapshot[] {
    return this.state.participants;
  }
  get payment(): PaymentSnapshot | null {
    return this.state.payment;
  }
  get invoice(): { readonly id: string; readonly number: string } | null {
    return this.state.invoice;
  }
  /** The participants' current cards (not revoked). */
  get currentCards(): readonly CardSnapshot[] {
    return this.state.cards.filter((c) => c.revokedAt === null);
  }

  /** Who may see it: `trainer`, `second-trainer`, or null for any other account. */
  roleOf(accountId: string): 'trainer' | 'second-trainer' | null {
    if (accountId === this.state.trainer.accountId) return 'trainer';
    if (accountId === this.secondTrainerAccountId) return 'second-trainer';
    return null;
  }

  /** « Fiche de la session »: the trainer, in draft. */
  updateSession(actorId: string, session: SessionDetails, now: Date): void {
    this.assertEditable(actorId);
    this.state.session = session;
    this.state.trainer = { ...this.state.trainer, email: session.trainerEmail };
    this.touch(now);
  }

  addParticipant(actorId: string, id: string, details: ParticipantDetails, now: Date): ParticipantSnapshot {
    this.assertEditable(actorId);
    return this.appendParticipant(id, details, now);
  }

  updateParticipant(actorId: string, id: string, details: ParticipantDetails, now: Date): ParticipantSnapshot {
    this.assertEditable(actorId);
    const existing = this.participant(id);
    const updated: ParticipantSnapshot = { ...details, id, position: existing.position, nameKey: nameKeyOf(details) };
    this.state.participants = this.state.participants.map((p) => (p.id === id ? updated : p));
    this.touch(now);
    return updated;
  }

  removeParticipant(actorId: string, id: string, now: Date): void {
    this.assertEditable(actorId);
    this.participant(id);
    this.state.participants = this.state.participants.filter((p) => p.id !== id);
    this.touch(now);
  }

  /** Staff import into a draft (no trainer check; still draft only). */
  importParticipant(id: string, details: ParticipantDetails, now: Date): ParticipantSnapshot {
    if (this.state.status !== 'draft') throw new InvalidCardRequestStatus('import', this.state.status);
    return this.appendParticipant(id, details, now);
  }

  participant(id: string): ParticipantSnapshot {
    const found = this.state.participants.find((p) => p.id === id);
    if (!found) throw new ParticipantNotFound();
    return found;
  }

  /**
   * « Soumettre ». Returns false (and changes nothing) when the request was already submitted: a second
   * press answers with the same state. Refuses 0 participants and card below 5 $.
   */
  submit(actorId: string, params: { method: PaymentMethodCode; billTo: BillToCode; unitPriceCents: number; lang: 'fr' | 'en' }, now: Date): boolean {
    if (this.roleOf(actorId) === 'second-trainer') throw new CardRequestReadOnly();
    if (this.state.status !== 'draft') return false;
    if (this.roleOf(actorId) !== 'trainer') throw new CardRequestReadOnly();
    if (!['card', 'cheque', 'deposit'].includes(params.method)) throw new InvalidCardRequestField('method', 'method');
    if (!['individual', 'organization'].includes(params.billTo)) throw new InvalidCardRequestField('billTo', 'bill-to');
    if (!Number.isSafeInteger(params.unitPriceCents) || params.unitPriceCents < 0) throw new InvalidCardRequestField('unitPriceCents', 'price');
    const count = this.state.participants.length;
    if (count === 0) throw new NoParticipants();
    const totalCents = count * params.unitPriceCents;
    if (params.method === 'card' && totalCents < CARD_MINIMUM_CENTS) throw new CardPaymentMinimum(CARD_MINIMUM_CENTS, totalCents);
    this.state.payment = { method: params.method, billTo: params.billTo, unitPriceCents: params.unitPriceCents, totalCents, lang: params.lang };
    this.state.status = 'submitted';
    this.state.submittedAt = now;
    this.touch(now);
    this.record(
      new CardRequestSubmitted(this.id, this.state.number, this.trainerAccountId, count, params.unitPriceCents, totalCents, params.method, params.billTo, params.lang, now),
    );
    return true;
  }

  /** Billing issued the invoice. Idempotent; keeps the invoice even when canceled meanwhile. Returns whether the status changed. */
  markInvoiced(invoiceId: string, invoiceNumber: string, now: Date): boolean {
    if (this.state.status === 'draft') throw new InvalidCardRequestStatus('invoice', this.state.status);
    if (this.state.invoice === null) {
      this.state.invoice = { id: invoiceId, number: invoiceNumber };
      this.touch(now);
    }
    if (this.state.status !== 'submitted') return false;
    this.state.status = 'invoiced';
    this.touch(now);
    return true;
  }

  /** Billing says the invoice is paid. Idempotent; from `submitted` too (events may come out of order). */
  markPaid(invoiceId: string, now: Date, invoiceNumber?: string): boolean {
    if (this.state.status === 'draft') throw new InvalidCardRequestStatus('payment', this.state.status);
    if (this.state.invoice === null && invoiceNumber !== undefined) this.state.invoice = { id: invoiceId, number: invoiceNumber };
    if (this.state.status !== 'submitted' && this.state.status !== 'invoiced') return false;
    this.state.status = 'paid';
    this.touch(now);
    return true;
  }

  /** « Produire les cartes » (paid only): one card per participant; `expiresOn` from the activity's validity. */
  produceCards(cards: readonly NewCard[], validityMonths: number | null, now: Date): void {
    if (this.state.status !== 'paid') throw new InvalidCardRequestStatus('cards', this.state.status);
    const ids = new Set(this.state.participants.map((p) => p.id));
    if (cards.length !== ids.size || !cards.every((c) => ids.has(c.participantId)) || new Set(cards.map((c) => c.participantId)).size !== ids.size) {
      throw new RangeError('One card per participant is required');
    }
    const expiresOn = this.expiryFor(validityMonths);
    this.state.cards = [...this.state.cards, ...cards.map((c) => this.newCard(c, expiresOn, now))];
    this.state.status = 'cards-produced';
    this.touch(now);
    this.record(new CardsProduced(this.id, this.state.number, cards.length, now));
  }

  /** A new card for one participant (lost card): new number and code, the previous one revoked. */
  reissueCard(card: NewCard, validityMonths: number | null, now: Date): CardSnapshot {
    if (this.state.status !== 'cards-produced' && this.state.status !== 'shipped') throw new InvalidCardRequestStatus('reissue', this.state.status);
    this.participant(card.participantId);
    const fresh = this.newCard(card, this.expiryFor(validityMonths), now);
    this.state.cards = [
      ...this.state.cards.map((c) => (c.participantId === card.participantId && c.revokedAt === null ? { ...c, revokedAt: now } : c)),
      fresh,
    ];
    this.touch(now);
    return fresh;
  }

  /** « Expédier » with an optional tracking number. */
  ship(trackingNumber: string | null, now: Date): void {
    if (this.state.status !== 'cards-produced') throw new InvalidCardRequestStatus('shipment', this.state.status);
    const tracking = trackingNumber?.trim() ? trackingNumber.trim() : null;
    if (tracking !== null && tracking.length > MAX_TRACKING) throw new InvalidCardRequestField('trackingNumber', 'too-long', { max: MAX_TRACKING });
    this.state.trackingNumber = tracking;
    this.state.status = 'shipped';
    this.touch(now);
    this.record(new CardsShipped(this.id, this.state.number, tracking, now));
  }

  /** Staff cancel with a reason, before shipped. Returns false when already canceled. */
  cancel(reason: string, actorId: string, now: Date): boolean {
    if (this.state.status === 'canceled') return false;
    if (this.state.status === 'shipped') throw new InvalidCardRequestStatus('cancel', this.state.status);
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text === '') throw new InvalidCardRequestField('reason', 'required');
    if (text.length > MAX_REASON) throw new InvalidCardRequestField('reason', 'too-long', { max: MAX_REASON });
    this.state.canceledReason = text;
    this.state.status = 'canceled';
    this.touch(now);
    this.record(new CardRequestCanceled(this.id, this.state.number, this.state.invoice?.id ?? null, actorId, now));
    return true;
  }

  private appendParticipant(id: string, details: ParticipantDetails, now: Date): ParticipantSnapshot {
    const position = this.state.participants.reduce((max, p) => Math.max(max, p.position), 0) + 1;
    const participant: ParticipantSnapshot = { ...details, id, position, nameKey: nameKeyOf(details) };
    this.state.participants = [...this.state.participants, participant];
    this.touch(now);
    return participant;
  }

  private newCard(card: NewCard, expiresOn: string | null, now: Date): CardSnapshot {
    if (!/^C-\d{4}-\d{6,}$/.test(card.cardNumber)) throw new RangeError(`Bad card number ${card.cardNumber}`);
    if (!isVerificationCode(card.verificationCode)) throw new RangeError('Bad verification code');
    return { participantId: card.participantId, cardNumber: card.cardNumber, verificationCode: card.verificationCode, expiresOn, issuedAt: now, revokedAt: null };
  }

  private expiryFor(validityMonths: number | null): string | null {
    if (validityMonths === null) return null;
    return LocalDate.parse(this.state.session.sessionEndDate).addMonths(validityMonths).toString();
  }

  private assertEditable(actorId: string): void {
    const role = this.roleOf(actorId);
    if (role !== 'trainer') throw new CardRequestReadOnly();
    if (this.state.status !== 'draft') throw new CardRequestNotDraft();
  }

  private touch(now: Date): void {
    this.state.updatedAt = now;
  }
}

function nameKeyOf(details: ParticipantDetails): string {
  return `${normalizeName(details.lastName)}|${normalizeName(details.firstName)}|${details.birthDate}`;
}
