import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { httpParamsOf } from '@guichet/shared/web-http';
import type {
  CardRequestDetail,
  ParticipantImportReport,
  ParticipantSearchHit,
  ParticipantSearchQuery,
  ReferenceDataInput,
  ReissuedCard,
  StaffCardRequestFilters,
  StaffCardRequestPage,
  StaffReferenceData,
} from './card-requests.models';

const BASE = '/api/card-requests/staff';

const id = (value: string): string => encodeURIComponent(value);

/**
 * The card desk's calls (`/api/card-requests/staff/…`): `card-clerk` and `finance` read, `card-clerk`
 * acts; the API checks the roles again. Mutations carry the XSRF header through the app's
 * `withXsrfConfiguration`.
 */
@Injectable({ providedIn: 'root' })
export class CardDeskApi {
  private readonly http = inject(HttpClient);

  searchRequests(filters: StaffCardRequestFilters): Promise<StaffCardRequestPage> {
    const { status, from, to, trainer, organization, activity, page, pageSize } = filters;
    return firstValueFrom(
      this.http.get<StaffCardRequestPage>(`${BASE}/requests`, {
        params: httpParamsOf({ status, from, to, trainer, organization, activity, page, pageSize }),
      }),
    );
  }

  request(requestId: string): Promise<CardRequestDetail> {
    return firstValueFrom(this.http.get<CardRequestDetail>(`${BASE}/requests/${id(requestId)}`));
  }

  /** « Produire les cartes » (paid requests only). */
  produceCards(requestId: string): Promise<CardRequestDetail> {
    return firstValueFrom(this.http.post<CardRequestDetail>(`${BASE}/requests/${id(requestId)}/cards`, {}));
  }

  /** « Expédier », with the optional « Numéro de suivi ». */
  ship(requestId: string, trackingNumber: string | null): Promise<CardRequestDetail> {
    return firstValueFrom(this.http.post<CardRequestDetail>(`${BASE}/requests/${id(requestId)}/shipment`, { trackingNumber }));
  }

  /** « Annuler la demande »: Billing cancels the invoice (and refunds) when there is one. */
  cancel(requestId: string, reason: string): Promise<CardRequestDetail> {
    return firstValueFrom(this.http.post<CardRequestDetail>(`${BASE}/requests/${id(requestId)}/cancellation`, { reason }));
  }

  /** « Importer des participants (CSV) » into a draft: the file's text, sent as JSON `{csv}`. */
  importParticipants(requestId: string, csv: string): Promise<ParticipantImportReport> {
    return firstValueFrom(this.http.post<ParticipantImportReport>(`${BASE}/requests/${id(requestId)}/participant-imports`, { csv }));
  }

  /** « Réémettre la carte »: a new card number and verification code, the old code revoked. */
  reissueCard(requestId: string, participantId: string): Promise<ReissuedCard> {
    return firstValueFrom(
      this.http.post<ReissuedCard>(`${BASE}/requests/${id(requestId)}/participants/${id(participantId)}/reissue`, {}),
    );
  }

  searchParticipants(query: ParticipantSearchQuery): Promise<readonly ParticipantSearchHit[]> {
    const { lastName, firstName, birthDate } = query;
    return firstValueFrom(
      this.http.get<readonly ParticipantSearchHit[]>(`${BASE}/participants`, { params: httpParamsOf({ lastName, firstName, birthDate }) }),
    );
  }

  referenceData(): Promise<StaffReferenceData> {
    return firstValueFrom(this.http.get<StaffReferenceData>(`${BASE}/reference-data`));
  }

  /** « Sauvegarder » the « Référentiels »: the lists and the price (the accredited type is fixed). */
  saveReferenceData(data: ReferenceDataInput): Promise<StaffReferenceData> {
    return firstValueFrom(this.http.put<StaffReferenceData>(`${BASE}/reference-data`, data));
  }

  /** A plain link: the browser downloads the print-ready PDF the API sends. */
  cardsPdfUrl(requestId: string): string {
    return `${BASE}/requests/${id(requestId)}/cards.pdf`;
  }
}
