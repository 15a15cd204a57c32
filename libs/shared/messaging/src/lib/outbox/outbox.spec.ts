import { defineIntegrationEvent } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { Outbox, type OutgoingEvent } from './outbox';

const InvoicePaidV1 = defineIntegrationEvent<{ invoiceId: string; paidCents: number }>('billing.invoice-paid.v1');
const occurredAt = new Date('2026-11-22T14:05:00Z');

function outboxWithFakeDatabase(): { outbox: Outbox; unitOfWork: TypeOrmUnitOfWork; queries: unknown[][] } {
  const queries: unknown[][] = [];
  const manager = { query: async (sql: string, params: unknown[]) => queries.push([sql, params]) } as unknown as EntityManager;
  const dataSource = { transaction: (work: (m: EntityManager) => Promise<unknown>) => work(manager) } as unknown as DataSource;
  const unitOfWork = new TypeOrmUnitOfWork(dataSource);
  return { outbox: new Outbox(unitOfWork), unitOfWork, queries };
}

describe('Outbox', () => {
  it('inserts every event of the call in one statement of the current unit of work', async () => {
    const { outbox, unitOfWork, queries } = outboxWithFakeDatabase();
    const first = InvoicePaidV1.create({ invoiceId: 'inv-1', paidCents: 500 }, { occurredAt });
    const second = InvoicePaidV1.create({ invoiceId: 'inv-2', paidCents: 200 }, { occurredAt });

    await unitOfWork.run(() => outbox.add([first, second]));

    expect(queries).toHaveLength(1);
    expect(queries[0][1]).toEqual([
      [first.messageId, second.messageId],
      ['billing.invoice-paid.v1', 'billing.invoice-paid.v1'],
      ['{"invoiceId":"inv-1","paidCents":500}', '{"invoiceId":"inv-2","paidCents":200}'],
      ['2026-11-22T14:05:00.000Z', '2026-11-22T14:05:00.000Z'],
    ]);
  });

  it('refuses to write outside a unit of work', async () => {
    const { outbox } = outboxWithFakeDatabase();
    await expect(outbox.add([InvoicePaidV1.create({ invoiceId: 'inv-1', paidCents: 1 }, { occurredAt })])).rejects.toThrow(
      /unitOfWork\.run/,
    );
  });

  it.each<[string, Partial<OutgoingEvent>]>([
    ['an unversioned name', { eventName: 'billing.invoice-paid' as OutgoingEvent['eventName'] }],
    ['a camel-case name', { eventName: 'billing.invoicePaid.v1' as OutgoingEvent['eventName'] }],
    ['a Date in the payload', { payload: { paidAt: new Date() } }],
    ['a class instance in the payload', { payload: { amount: new Map() } }],
    ['a message id that is not a UUID', { messageId: 'inv-1' }],
  ])('refuses %s and writes nothing', async (_case, change) => {
    const { outbox, unitOfWork, queries } = outboxWithFakeDatabase();
    const event = { ...InvoicePaidV1.create({ invoiceId: 'inv-1', paidCents: 1 }, { occurredAt }), ...change };
    await expect(unitOfWork.run(() => outbox.add([event]))).rejects.toThrow();
    expect(queries).toEqual([]);
  });
});
