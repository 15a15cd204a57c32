import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CancelCardRequest,
  GetCardRequest,
  GetCardsPdf,
  GetStaffReferenceData,
  ImportParticipants,
  ProduceCards,
  ReissueCard,
  SearchCardRequests,
  SearchParticipants,
  ShipCardRequest,
  UpdateReferenceData,
  type CardRequestDetail,
  type CardRequestPage,
  type ImportReport,
  type ParticipantSearchHit,
  type ReissuedCard,
  type StaffReferenceData,
} from '@guichet/card-requests/contracts';
import { BackOffice, CurrentUser, Roles, type Principal } from '@guichet/shared/auth';
import type { Request } from 'express';
import { CardRequestIdPipe as Id } from '../shared/card-requests-api.errors';
import {
  CancellationRequest,
  ParticipantImportRequest,
  ParticipantSearchRequest,
  ReferenceDataRequest,
  ShipmentRequest,
  WorkQueueRequest,
} from '../shared/card-requests.request.dto';
import { attachment, langOf, staffOf } from '../shared/card-requests-request';

/**
 * The card desk (back-office): `card-clerk` processes requests, `finance` follows them. Cheques and
 * deposits are recorded at Billing's finance desk; a request becomes paid when Billing says so.
 */
@ApiTags('card-requests-staff')
@BackOffice()
@Roles('card-clerk', 'finance')
@Controller('card-requests/staff')
export class StaffCardRequestsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The work queue, by status, with filters. */
  @Get('requests')
  search(@Query() query: WorkQueueRequest, @Req() req: Request): Promise<CardRequestPage> {
    return this.queries.execute(new SearchCardRequests({ ...query }, langOf(req)));
  }

  /** A request with its full history. */
  @Get('requests/:id')
  get(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Req() req: Request): Promise<CardRequestDetail> {
    return this.queries.execute(new GetCardRequest(staffOf(me), id, langOf(req)));
  }

  /** « Produire les cartes » (paid requests). */
  @Roles('card-clerk')
  @Post('requests/:id/cards')
  @HttpCode(200)
  produce(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Req() req: Request): Promise<CardRequestDetail> {
    return this.commands.execute(new ProduceCards(staffOf(me), id, langOf(req)));
  }

  /** The print-ready cards, one per participant. */
  @Get('requests/:id/cards.pdf')
  @ApiProduces('application/pdf')
  async cards(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Req() req: Request): Promise<StreamableFile> {
    const { filename, content } = await this.queries.execute(new GetCardsPdf(staffOf(me), id, langOf(req)));
    return new StreamableFile(Buffer.from(content), { type: 'application/pdf', disposition: attachment(filename), length: content.length });
  }

  /** « Expédier », with an optional tracking number. */
  @Roles('card-clerk')
  @Post('requests/:id/shipment')
  @HttpCode(200)
  ship(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: ShipmentRequest, @Req() req: Request): Promise<CardRequestDetail> {
    const tracking = body.trackingNumber?.trim() ? body.trackingNumber.trim() : null;
    return this.commands.execute(new ShipCardRequest(staffOf(me), id, tracking, langOf(req)));
  }

  /** Cancel with a reason; Billing credits the invoice. */
  @Roles('card-clerk')
  @Post('requests/:id/cancellation')
  @HttpCode(200)
  cancel(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: CancellationRequest, @Req() req: Request): Promise<CardRequestDetail> {
    return this.commands.execute(new CancelCardRequest(staffOf(me), id, body.reason, langOf(req)));
  }

  /** Participants from a spreadsheet (CSV) into a draft, with a row-by-row report. */
  @Roles('card-clerk')
  @Post('requests/:id/participant-imports')
  @HttpCode(200)
  importParticipants(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: ParticipantImportRequest, @Req() req: Request): Promise<ImportReport> {
    return this.commands.execute(new ImportParticipants(staffOf(me), id, body.csv, langOf(req)));
  }

  /** A participant across all requests, by name and birth date (a lost card). */
  @Get('participants')
  participants(@Query() query: ParticipantSearchRequest, @Req() req: Request): Promise<readonly ParticipantSearchHit[]> {
    return this.queries.execute(new SearchParticipants({ ...query }, langOf(req)));
  }

  /** A new card for one participant; the old verification code stops being valid. */
  @Roles('card-clerk')
  @Post('requests/:id/participants/:pid/reissue')
  @HttpCode(200)
  reissue(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Param('pid', Id) pid: string): Promise<ReissuedCard> {
    return this.commands.execute(new ReissueCard(staffOf(me), id, pid));
  }

  @Get('reference-data')
  referenceData(): Promise<StaffReferenceData> {
    return this.queries.execute(new GetStaffReferenceData());
  }

  @Roles('card-clerk')
  @Put('reference-data')
  updateReferenceData(@CurrentUser() me: Principal, @Body() body: ReferenceDataRequest): Promise<StaffReferenceData> {
    return this.commands.execute(
      new UpdateReferenceData(staffOf(me), {
        ...body,
        accreditedInstitutions: body.accreditedInstitutions.map((institution) => ({ ...institution, id: institution.id ?? null })),
        activities: body.activities.map((activity) => ({ ...activity, validityMonths: activity.validityMonths ?? null })),
      }),
    );
  }
}
