import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  CardCheckout,
  CardRequestDetail,
  CardRequestReferenceData,
  CardRequestSummary,
  CardVerification,
  ParticipantFields,
  ParticipantSaved,
  PaymentChoice,
  SessionFields,
  TrainerIdentity,
} from './card-requests.models';

/** The language of Billing's hosted card page. */
export type CardRequestsLanguage = 'fr' | 'en';

const BASE = '/api/card-requests';
const requestPath = (requestId: string): string => `${BASE}/${encodeURIComponent(requestId)}`;
const participantPath = (requestId: string, participantId: string): string =>
  `${requestPath(requestId)}/participants/${encodeURIComponent(participantId)}`;

/**
 * The trainer's side of the Card requests API, plus the public verification of a card. A request is
 * visible to its trainer and its second trainer only (others answer 404). Paths are absolute so
 * HttpClient adds `X-XSRF-TOKEN` on mutations (the app provides `withXsrfConfiguration({})`).
 */
@Injectable({ providedIn: 'root' })
export class CardRequestsApi {
  private readonly http = inject(HttpClient);

  /** « Sessions », newest first. */
  requests(): Promise<readonly CardRequestSummary[]> {
    return firstValueFrom(this.http.get<readonly CardRequestSummary[]>(BASE));
  }

  referenceData(): Promise<CardRequestReferenceData> {
    return firstValueFrom(this.http.get<CardRequestReferenceData>(`${BASE}/reference-data`));
  }

  /** « Formateur / Moniteur »: the signed-in trainer's card, names and e-mail. */
  me(): Promise<TrainerIdentity> {
    return firstValueFrom(this.http.get<TrainerIdentity>(`${BASE}/me/trainer`));
  }

  request(requestId: string): Promise<CardRequestDetail> {
    return firstValueFrom(this.http.get<CardRequestDetail>(requestPath(requestId)));
  }

  /** The first « Sauvegarder » of a new « Fiche de la session ». */
  create(fields: SessionFields): Promise<CardRequestDetail> {
    return firstValueFrom(this.http.post<CardRequestDetail>(BASE, fields));
  }

  /** Draft only (else 409 CARD_REQUESTS.NOT_DRAFT). */
  update(requestId: string, fields: SessionFields): Promise<CardRequestDetail> {
    return firstValueFrom(this.http.put<CardRequestDetail>(requestPath(requestId), fields));
  }

  addParticipant(requestId: string, fields: ParticipantFields): Promise<ParticipantSaved> {
    return firstValueFrom(this.http.post<ParticipantSaved>(`${requestPath(requestId)}/participants`, fields));
  }

  updateParticipant(requestId: string, participantId: string, fields: ParticipantFields): Promise<ParticipantSaved> {
    return firstValueFrom(this.http.put<ParticipantSaved>(participantPath(requestId, participantId), fields));
  }

  async removeParticipant(requestId: string, participantId: string): Promise<void> {
    await firstValueFrom(this.http.delete<void>(participantPath(requestId, participantId)));
  }

  /** « Soumettre »: idempotent (a second press answers the same state). */
  submit(requestId: string, choice: PaymentChoice): Promise<CardRequestDetail> {
    return firstValueFrom(this.http.post<CardRequestDetail>(`${requestPath(requestId)}/submission`, choice));
  }

  /** « Télécharger la facture »: a plain download link (the session cookie goes with it). */
  invoicePdfUrl(requestId: string): string {
    return `${requestPath(requestId)}/invoice.pdf`;
  }

  /** Billing's hosted card page for the request's invoice; it returns to the portal's `/factures/…`. */
  startCardCheckout(invoiceId: string, lang: CardRequestsLanguage): Promise<CardCheckout> {
    return firstValueFrom(
      this.http.post<CardCheckout>(`/api/billing/invoices/${encodeURIComponent(invoiceId)}/card-checkout`, { lang }),
    );
  }

  /** Public: what a card's verification code says (404 when unknown). */
  verify(code: string): Promise<CardVerification> {
    return firstValueFrom(this.http.get<CardVerification>(`${BASE}/verification/${encodeURIComponent(code)}`));
  }
}
