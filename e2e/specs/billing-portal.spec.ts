import { readFile } from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { apiSession, signInThroughPage, xsrfHeader, type MemberAccount, type StaffAccount } from '../support/accounts';
import { expect, test } from '../support/fixtures';
import { expectNoAxeViolations } from '../support/page-checks';

/**
 * « Mes factures » (issue 4): a parent pays an invoice by sandbox card in the portal, sees it paid and
 * downloads its PDF. Each test has its own parent, and its own finance clerk issues the invoice through
 * the API, so « Mes factures » holds that test's invoice only. Needs the api, the worker and the
 * payment sandbox (apps/payment-sandbox) running, as scripts/with-services.mjs --app starts them.
 */

interface IssuedInvoice {
  readonly invoiceId: string;
  readonly number: string;
}

/** « Nouvelle facture » to the parent, through the finance desk's API. */
async function issueInvoiceToParent(
  financeClerk: StaffAccount,
  parent: MemberAccount,
  method: 'card' | 'cheque',
  unitPriceCents: number,
  quantity: number,
): Promise<IssuedInvoice> {
  const finance = await apiSession(financeClerk.login, 'back-office', financeClerk.password);
  try {
    const response = await finance.post('/api/billing/finance/invoices', {
      headers: await xsrfHeader(finance),
      data: {
        payerEmail: parent.email,
        lang: 'fr',
        billTo: {
          kind: 'individual',
          name: 'Parent Démo',
          address: { line1: '1000, rue Sherbrooke Ouest', city: 'Montréal', province: 'QC', postalCode: 'H3A 3G4' },
        },
        lines: [{ description: 'Cartes de formation', quantity, unitPriceCents }],
        method,
      },
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as IssuedInvoice;
  } finally {
    await finance.dispose();
  }
}

async function openInvoiceFromMesFactures(page: Page, number: string): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Mes factures' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes factures');
  await page.getByRole('rowheader', { name: number }).getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Facture ${number}`);
}

test.describe('« Mes factures »', () => {
  test('signed out, « Mes factures » leads to « Connexion »', async ({ page }) => {
    await page.goto('/factures');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/factures');
  });

  test('the parent pays an invoice by sandbox card, sees it « Payée » and downloads the PDF', async ({ page, parent, financeClerk }) => {
    // The hosted page, the processor's callback and a download: slow on a busy machine.
    test.slow();
    // 5 cards at 2 $: 10,00 $.
    const { invoiceId, number } = await issueInvoiceToParent(financeClerk, parent, 'card', 200, 5);

    await signInThroughPage(page, parent.login, parent.password);
    await openInvoiceFromMesFactures(page, number);
    await expect(page.getByRole('heading', { name: 'Facturé à' })).toBeVisible();
    await expect(page.getByTestId('bill-to')).toContainText('Parent Démo');
    await expect(page.getByTestId('invoice-total')).toHaveText(/^10,00\s\$$/);
    await expect(page.getByTestId('invoice-status')).toHaveText('À payer');
    await expectNoAxeViolations(page);

    // The card goes to the provider's own page, never to ours.
    await page.getByRole('button', { name: 'Payer par carte de crédit' }).click();
    await expect(page).toHaveURL(/\/hosted\/card\?/);
    await page.getByLabel('Numéro de carte').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiration (MM/AA)').fill('12/39');
    await page.getByLabel('CVC').fill('123');
    await page.getByLabel('Nom sur la carte').fill('Parent Démo');
    await page.getByRole('button', { name: /^Payer 10,00\s\$$/ }).click();

    await expect(page).toHaveURL(new RegExp(`/factures/${invoiceId}/`));
    const result = page.getByRole('heading', { level: 2, name: 'Paiement accepté' });
    await expect(result).toBeVisible({ timeout: 15_000 });
    await expect(result).toBeFocused();
    await expectNoAxeViolations(page);

    // A reload does not charge twice: it reads the same payment.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Paiement accepté' })).toBeVisible({ timeout: 15_000 });

    await page.getByRole('link', { name: 'Retour à la facture' }).click();
    await expect(page.getByTestId('invoice-status')).toHaveText('Payée');
    await expect(page.getByTestId('invoice-balance')).toHaveText(/^0,00\s\$$/);
    await expect(page.getByRole('button', { name: 'Payer par carte de crédit' })).toHaveCount(0);
    await expect(page.getByTestId('invoice-payments')).toContainText('4242');
    await expect(page.getByTestId('invoice-payments')).not.toContainText('4242 4242');

    await page.getByRole('banner').getByRole('link', { name: 'Mes factures' }).click();
    const row = page.locator(`tr[data-number="${number}"]`);
    await expect(row.getByTestId('invoice-status')).toHaveText('Payée');
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /PDF/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const path = await download.path();
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('under 5 $, the card is refused before trying, with the manual’s reason', async ({ page, parent, financeClerk }) => {
    // One card at 2 $ (manual 000).
    const { number } = await issueInvoiceToParent(financeClerk, parent, 'card', 200, 1);
    await signInThroughPage(page, parent.login, parent.password);
    await openInvoiceFromMesFactures(page, number);
    const card = page.getByRole('button', { name: 'Payer par carte de crédit' });
    await expect(card).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByTestId('card-minimum')).toHaveText('Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $');
    await expect(card).toHaveAccessibleDescription('Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $');
    await expect(page.getByRole('button', { name: 'Payer avec PayPal' })).toBeEnabled();
    await expectNoAxeViolations(page);
  });

  test('a cheque invoice asks for its number on the cheque (manual 001) and offers no online payment', async ({ page, parent, financeClerk }) => {
    const { number } = await issueInvoiceToParent(financeClerk, parent, 'cheque', 200, 4);
    await signInThroughPage(page, parent.login, parent.password);
    await openInvoiceFromMesFactures(page, number);
    await expect(page.getByTestId('manual-payment-notice')).toContainText(`indiquer votre numéro de facture (${number}) sur le chèque`);
    await expect(page.getByRole('button', { name: 'Payer par carte de crédit' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('with the keyboard alone: « Mes factures », an invoice, then « Payer par carte de crédit »', async ({ page, parent, financeClerk }) => {
    const { number } = await issueInvoiceToParent(financeClerk, parent, 'card', 200, 5);
    await signInThroughPage(page, parent.login, parent.password);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Mes factures' })).toBeVisible();

    const focusByTab = async (target: ReturnType<Page['getByRole']>, max = 40) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        if (await target.evaluate((element) => element === document.activeElement)) return;
      }
      throw new Error('Tab never reached the element');
    };
    await focusByTab(page.getByRole('banner').getByRole('link', { name: 'Mes factures' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes factures');
    await focusByTab(page.getByRole('link', { name: number, exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Facture ${number}`);
    await focusByTab(page.getByRole('button', { name: 'Payer par carte de crédit' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/hosted\/card\?/);
  });
});
