import { Controller, Headers, HttpCode, Logger, Post, Req, ServiceUnavailableException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApplyGatewayEvent } from '@guichet/billing/contracts';
import { GatewayCallbackVerifier, GatewayUnavailable, InvalidGatewaySignature } from '@guichet/billing/application';
import { CsrfExempt, Public } from '@guichet/shared/auth';
import { Clock } from '@guichet/shared/kernel';
import type { Request } from 'express';
import { CallbackSignatureRefused } from '../shared/billing-api.errors';

/** The header the sandbox provider signs with: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'sandbox-signature';

/**
 * The payment provider's callbacks. No session and no XSRF pair: the HMAC over timestamp and raw body
 * is the proof. A bad or stale signature gets 400 and changes nothing; a replayed event id is accepted
 * (so the provider stops retrying) and ignored.
 */
@ApiExcludeController()
@Controller('billing/webhooks')
export class GatewayWebhooksController {
  private readonly logger = new Logger('BillingWebhooks');

  constructor(
    private readonly commands: CommandBus,
    private readonly verifier: GatewayCallbackVerifier,
    private readonly clock: Clock,
  ) {}

  @Public()
  @CsrfExempt()
  @Post('sandbox')
  @HttpCode(204)
  async receive(@Req() req: Request & { rawBody?: Buffer }, @Headers(SIGNATURE_HEADER) signature: string | undefined): Promise<void> {
    let event;
    try {
      event = this.verifier.verify(req.rawBody ?? Buffer.alloc(0), signature, this.clock.now());
    } catch (error) {
      if (error instanceof InvalidGatewaySignature) {
        this.logger.warn(`Callback refused: ${error.message}`);
        throw new CallbackSignatureRefused();
      }
      throw error;
    }
    let applied: boolean;
    try {
      ({ applied } = await this.commands.execute(
        new ApplyGatewayEvent(event.id, event.type, event.objectId, event.reference, event.failureCode, event.createdAt),
      ));
    } catch (error) {
      // The provider is needed to settle this event (a late capture to refund) and cannot answer now:
      // 503, and it delivers the event again later.
      if (error instanceof GatewayUnavailable) throw new ServiceUnavailableException();
      throw error;
    }
    this.logger.log(`Callback ${event.id} (${event.type}) ${applied ? 'applied' : 'ignored (replay or no change)'}`);
  }
}
