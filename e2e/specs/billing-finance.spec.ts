import { type Page } from '@playwright/test';
import { maildevUrl, signInThroughPage } from '../support/accounts';
import { expect, test } from '../support/fixtures';
import { expectNoAxeViolations } from '../support/page-checks';
import { until } from '../support/until';

/**
 * The finance desk (issue 4, back-office): a finance clerk of the test's own issues an invoice to a
 * parent of the test's own, records the cheque and sees it in the day's reconciliation. Other tests
 * record cheques the same day, so the reconciliation is read as « what changed is the payments that
 * appeared », ours among them, never as a total only this test makes.
 */

/** The mail whose subject is `subject`, as maildev holds it (the worker sends it asynchronously). */
async function mailWithSubject(subject: string, timeoutMs = 20_000): Promise<{ subject: string; text: string; attachments?: { fileName: string; contentType: string }[] }> {
  const found = await until(
    async () => ((await (await fetch(`${maildevUrl()}/email`)).json()) as { subject: string; text: string }[]).find((mail) => mail.subject === subject),
    (mail) => mail !== undefined,
    `mail « ${subject} »`,
    { timeoutMs, intervalMs: 250 },
  );
  return found as NonNullable<typeof found>;
}

/** « 1 234,56 $ » → 123456. */
function cents(text: string): number {
  const digits = text.replace(/[\s\u00a0\u202f$]/g, '').replace(',', '.');
  return Math.round(Number(digits) * 100);
}

/** The cheque total of the day's reconciliation, 0 when no cheque came in yet. */
async function chequeTotal(page: Page): Promise<number> {
  const cell = page.locator('[data-total="method:cheque"]');
  return (await cell.count()) === 0 ? 0 : cents(await cell.innerText());
}

/** One cheque of the day as « Paiements : Chèque » lists it: the invoice, the cheque's number, the amount. */
interface ListedCheque {
  readonly key: string;
  readonly invoice: string;
  readonly cents: number;
}

/**
 * The day's cheques behind the « Chèque » total, read with the total from one load of the page (the
 * disclosure opened, then closed again); none when no cheque came in yet.
 */
async function chequesOfTheDay(page: Page): Promise<{ total: number; cheques: ListedCheque[] }> {
  const button = page.getByRole('table', { name: 'Totaux par mode de paiement' }).getByRole('button', { name: 'Chèque' });
  if ((await button.count()) === 0) return { total: 0, cheques: [] };
  const total = await chequeTotal(page);
  await button.click();
  const rows = page.getByRole('table', { name: 'Paiements : Chèque' }).getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(rows.first()).toBeVisible();
  const cheques = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = Array.from(tr.children, (cell) => (cell.textContent ?? '').trim());
      return { invoice: cells[0], label: cells[2], amount: cells[cells.length - 1] };
    }),
  );
  await button.click();
  return { total, cheques: cheques.map((c) => ({ key: `${c.invoice} ${c.label} ${c.amount}`, invoice: c.invoice, cents: cents(c.amount) })) };
}

async function openReconciliation(page: Page): Promise<void> {
  await page.goto('/admin/finances');
  await page.getByRole('link', { name: 'Conciliation du jour' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conciliation du jour');
  await expect(page.getByRole('table', { name: 'Totaux par mode de paiement' })).toBeVisible();
}

test.describe('finance desk (back-office)', () => {
  test('a finance clerk issues an invoice, records the cheque, and sees the day’s reconciliation change', async ({ page, financeClerk, parent }) => {
    // Many pages, axe on each, and a mail to wait for: more than the default 30 s on a busy machine.
    test.slow();
    await signInThroughPage(page, financeClerk.login, financeClerk.password, '/admin/compte/connexion');
    await expect(page).toHaveURL(/\/admin\/$/);
    await page.getByRole('navigation', { name: 'Finances' }).getByRole('link', { name: 'Bureau des finances' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bureau des finances');
    await expectNoAxeViolations(page);

    await openReconciliation(page);
    await expectNoAxeViolations(page);
    const before = await chequesOfTheDay(page);

    // « Nouvelle facture » for the test's parent, paid by cheque (manual 001).
    await page.getByRole('link', { name: 'Retour au bureau des finances' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bureau des finances');
    await page.getByRole('link', { name: 'Nouvelle facture' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle facture');
    await page.getByLabel('Courriel du payeur').fill(parent.email);
    await page.getByRole('radio', { name: 'Individu' }).check();
    await page.getByLabel('Nom', { exact: true }).fill('Marie Tremblay');
    await page.getByLabel('Adresse', { exact: true }).fill('1200, rue Principale');
    await page.getByLabel('Ville').fill('Québec');
    await page.getByLabel('Code postal').fill('g1r 1a1');
    await page.getByLabel('Description').fill('Cartes de formation');
    await page.getByLabel('Quantité').fill('2');
    await page.getByLabel('Prix unitaire').fill('12,34');
    await page.getByLabel('Mode de paiement').selectOption({ label: 'Chèque' });
    await expect(page.getByTestId('new-invoice-total')).toContainText('24,68');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Émettre la facture' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\s*Facture F-\d{4}-\d{6}\s*$/);
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).trim().replace('Facture ', '');
    await expect(page.getByTestId('invoice-status')).toHaveText('À payer');
    await expect(page.getByTestId('history').getByRole('cell', { name: 'Émise', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // The worker mails the invoice with its PDF and manual 001's cheque instructions.
    const mail = await mailWithSubject(`Votre facture ${number}`);
    expect(mail.attachments?.map((a) => [a.fileName, a.contentType])).toEqual([[`${number}.pdf`, 'application/pdf']]);
    expect(mail.text).toContain(number);
    expect(mail.text.toLowerCase()).toContain('chèque');

    // A wrong amount stays in the field, with the reason next to it.
    await page.getByLabel('Montant', { exact: true }).fill('douze');
    await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(page.getByLabel('Montant', { exact: true })).toBeFocused();
    await expect(page.getByText('Inscrivez un montant en dollars plus grand que zéro')).toBeVisible();

    // « Enregistrer un paiement »: the cheque for the invoice's total.
    await page.getByLabel('Mode', { exact: true }).selectOption({ label: 'Chèque' });
    await page.getByLabel('Montant', { exact: true }).fill('24,68');
    await page.getByLabel('Numéro du chèque ou du virement').fill(`CHQ-${Date.now().toString().slice(-6)}`);
    await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(page.getByTestId('finance-status')).toContainText('24,68');
    await expect(page.getByTestId('invoice-status')).toHaveText('Payée');
    await expect(page.getByTestId('history').getByRole('cell', { name: 'Paiement enregistré', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // The day's reconciliation counts the cheque: the total grew by exactly the cheques that appeared
    // since (other tests record theirs the same day), ours among them for 24,68 $.
    let after: Awaited<ReturnType<typeof chequesOfTheDay>> = { total: 0, cheques: [] };
    await expect(async () => {
      await openReconciliation(page);
      after = await chequesOfTheDay(page);
      expect(after.cheques.map((cheque) => cheque.invoice)).toContain(number);
    }).toPass({ timeout: 15_000 });
    const known = new Set(before.cheques.map((cheque) => cheque.key));
    const appeared = after.cheques.filter((cheque) => !known.has(cheque.key));
    expect(appeared.filter((cheque) => cheque.invoice === number).map((cheque) => cheque.cents)).toEqual([2468]);
    expect(after.total - before.total).toBe(appeared.reduce((sum, cheque) => sum + cheque.cents, 0));
    // Its total opens on the payments behind it, by keyboard.
    const cheques = page.getByRole('table', { name: 'Totaux par mode de paiement' }).getByRole('button', { name: 'Chèque' });
    await expect(cheques).toHaveAttribute('aria-expanded', 'false');
    await cheques.focus();
    await page.keyboard.press('Enter');
    await expect(cheques).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('table', { name: 'Paiements : Chèque' }).getByRole('link', { name: number })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the finance desk needs a session: signed out, it leads to the sign-in page', async ({ page }) => {
    await page.goto('/admin/finances');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion du personnel');
  });
});
