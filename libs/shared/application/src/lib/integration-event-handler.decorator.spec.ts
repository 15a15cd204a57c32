import 'reflect-metadata';
import { InvalidConsumerName } from './consumer-name';
import { IntegrationEventHandler, integrationEventHandlerOf } from './integration-event-handler.decorator';

describe('@IntegrationEventHandler', () => {
  it('records the event and an explicit consumer name', () => {
    @IntegrationEventHandler('billing.invoice-paid.v1', { consumer: 'card-requests.mark-paid' })
    class MarkCardRequestPaid {}
    expect(integrationEventHandlerOf(MarkCardRequestPaid)).toEqual({
      eventName: 'billing.invoice-paid.v1',
      consumer: 'card-requests.mark-paid',
    });
  });

  it('requires a consumer name (it is the queue name and the inbox key)', () => {
    const options = {} as { consumer: string };
    expect(() => IntegrationEventHandler('seats.order-placed.v1', options)).toThrow(InvalidConsumerName);
  });

  it('says nothing about undecorated classes', () => {
    class Plain {}
    expect(integrationEventHandlerOf(Plain)).toBeUndefined();
    expect(integrationEventHandlerOf(undefined)).toBeUndefined();
  });

  it.each(['billing.invoice-paid', 'Billing.invoice-paid.v1', 'billing.invoice_paid.v1', 'billing.invoice-paid.v0'])(
    'rejects the event name %s',
    (name) => {
      expect(() => IntegrationEventHandler(name, { consumer: 'billing.test' })).toThrow(/context\.event-name\.v1/);
    },
  );

  it.each(['billing:invoice-paid', 'Billing', 'mark paid', 'trailing.'])('rejects the consumer name %s (it names a queue)', (consumer) => {
    expect(() => IntegrationEventHandler('billing.invoice-paid.v1', { consumer })).toThrow(InvalidConsumerName);
  });
});
