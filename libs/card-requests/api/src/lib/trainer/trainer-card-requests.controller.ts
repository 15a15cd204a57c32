import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AddParticipant,
  CreateCardRequest,
  GetCardRequest,
  GetCardRequestInvoicePdf,
  GetMyTrainerIdentity,
  GetReferenceData,
  ListMyCardRequests,
  RemoveParticipant,
  SubmitCardRequest,
  UpdateCardRequest,
  UpdateParticipant,
  type CardRequestDetail,
  type CardRequestSummary,
  type ParticipantSaved,
  type ReferenceData,
  type SessionFieldsInput,
  type TrainerIdentity,
} from '@guichet/card-requests/contracts';
import { CurrentUser, Roles, type Principal } from '@guichet/shared/auth';
import type { Request } from 'express';
import { CardRequestIdPipe as Id } from '../shared/card-requests-api.errors';
import { ParticipantRequest, SessionFieldsRequest, SubmissionRequest } from '../shared/card-requests.request.dto';
import { attachment, langOf, trainerOf } from '../shared/card-requests-request';

/** The DTO, with the optional values spelled out as the command expects them. */
function sessionOf(body: SessionFieldsRequest): SessionFieldsInput {
  return {
    ...body,
    secondTrainer: body.secondTrainer ?? null,
    organizationName: body.organizationName ?? null,
    accreditedInstitutionId: body.accreditedInstitutionId ?? null,
  };
}

/**
 * « Guichet – Demande de cartes » for trainers (manual 000): « Sessions », « Fiche de la session »,
 * « Liste des participants », « Paiement ». A trainer reaches only their requests and, read-only, those
 * naming them as second trainer; any other id answers 404.
 */
@ApiTags('card-requests')
@Roles('trainer')
@Controller('card-requests')
export class TrainerCardRequestsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** « Sessions », newest first. */
  @Get()
  list(@CurrentUser() me: Principal, @Req() req: Request): Promise<readonly CardRequestSummary[]> {
    return this.queries.execute(new ListMyCardRequests(me.accountId, langOf(req)));
  }

  /** The forms' lists (organization types, accredited institutions, activities) and the card price. */
  @Get('reference-data')
  referenceData(@Req() req: Request): Promise<ReferenceData> {
    return this.queries.execute(new GetReferenceData(langOf(req)));
  }

  /** « Formateur / Moniteur », filled in from the account. */
  @Get('me/trainer')
  me(@CurrentUser() me: Principal): Promise<TrainerIdentity> {
    return this.queries.execute(new GetMyTrainerIdentity(me.accountId));
  }

  /** « Ajouter »: a new request (« Nouvelle »). */
  @Post()
  create(@CurrentUser() me: Principal, @Body() body: SessionFieldsRequest, @Req() req: Request): Promise<CardRequestDetail> {
    return this.commands.execute(new CreateCardRequest(trainerOf(me), sessionOf(body), langOf(req)));
  }

  @Get(':id')
  get(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Req() req: Request): Promise<CardRequestDetail> {
    return this.queries.execute(new GetCardRequest(trainerOf(me), id, langOf(req)));
  }

  /** Saves the « Fiche de la session » (draft only). */
  @Put(':id')
  update(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: SessionFieldsRequest, @Req() req: Request): Promise<CardRequestDetail> {
    return this.commands.execute(new UpdateCardRequest(trainerOf(me), id, sessionOf(body), langOf(req)));
  }

  /** « Sauvegarder et ajouter » / « OK » of a new « Fiche du participant ». */
  @Post(':id/participants')
  addParticipant(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: ParticipantRequest): Promise<ParticipantSaved> {
    return this.commands.execute(new AddParticipant(trainerOf(me), id, { ...body, extension: body.extension ?? null }));
  }

  @Put(':id/participants/:pid')
  updateParticipant(
    @CurrentUser() me: Principal,
    @Param('id', Id) id: string,
    @Param('pid', Id) pid: string,
    @Body() body: ParticipantRequest,
  ): Promise<ParticipantSaved> {
    return this.commands.execute(new UpdateParticipant(trainerOf(me), id, pid, { ...body, extension: body.extension ?? null }));
  }

  /** « Supprimer » in the « Suppression » column. */
  @Delete(':id/participants/:pid')
  @HttpCode(204)
  async removeParticipant(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Param('pid', Id) pid: string): Promise<void> {
    await this.commands.execute(new RemoveParticipant(trainerOf(me), id, pid));
  }

  /** « Soumettre »: pressing it twice submits once. */
  @Post(':id/submission')
  @HttpCode(200)
  submit(@CurrentUser() me: Principal, @Param('id', Id) id: string, @Body() body: SubmissionRequest, @Req() req: Request): Promise<CardRequestDetail> {
    return this.commands.execute(new SubmitCardRequest(trainerOf(me), id, body.method, body.billTo, langOf(req)));
  }

  /** The request's invoice, once Billing issued it. */
  @Get(':id/invoice.pdf')
  @ApiProduces('application/pdf')
  async invoice(@CurrentUser() me: Principal, @Param('id', Id) id: string): Promise<StreamableFile> {
    const { filename, content } = await this.queries.execute(new GetCardRequestInvoicePdf(trainerOf(me), id));
    return new StreamableFile(Buffer.from(content), { type: 'application/pdf', disposition: attachment(filename), length: content.length });
  }
}
