import type { Lang } from '@guichet/shared/kernel';

/** One card to print: one per participant of a request whose cards are produced. */
export interface PrintableCard {
  /** `Marie-Ève Tremblay`. */
  readonly participantName: string;
  /** « Activité de formation », in the card's language. */
  readonly activityName: string;
  /** « Fin de la session »: `YYYY-MM-DD` (printed as a long date), or already formatted text. */
  readonly sessionEndDate: string;
  /** « Formateur / Moniteur »: the trainer's name. */
  readonly trainerName: string;
  readonly cardNumber: string;
  /** « Expire le »: `YYYY-MM-DD`, or null when the activity has no validity period (nothing printed). */
  readonly expiresOn: string | null;
  /** What the public verification page asks for. */
  readonly verificationCode: string;
  /** Where to check it, e.g. `https://guichet.example/verification/ABCD-2345`. */
  readonly verificationUrl: string;
}

/**
 * Port: the print-ready PDF of a request's cards (« Produire les cartes »): Letter pages of
 * credit-card-size cards with crop marks, labels in `lang`. Bound in `CardRequestsDocumentsModule`
 * (`@guichet/card-requests/infrastructure`) to the pdf-lib renderer.
 */
export abstract class CardsPdfRenderer {
  abstract render(cards: readonly PrintableCard[], lang: Lang): Promise<Uint8Array>;
}
