import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, maildevUrl, seedDemoAccounts, signInThroughPage } from '../support/accounts';
import { expectNoAxeViolations } from '../support/page-checks';

/** The mail whose subject is `subject`, as maildev holds it (the worker sends it asynchronously). */
async function mailWithSubject(subject: string, timeoutMs = 20_000): Promise<{ subject: string; text: string; attachments?: { fileName: string; contentType: string }[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await (await fetch(`${maildevUrl()}/email`)).json()) as { subject: string; text: string }[];
    const found = mails.find((mail) => mail.subject === subject);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail « ${subject} » within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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

async function openReconciliation(page: Page): Promise<void> {
  await page.goto('/admin/finances');
  await page.getByRole('link', { name: 'Conciliation du jour' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conciliation du jour');
  await expect(page.getByRole('table', { name: 'Totaux par mode de paiement' })).toBeVisible();
}

test.describe('finance desk (back-office)', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(() => seedDemoAccounts());

  test('a finance clerk issues an invoice, records the cheque, and sees the day’s reconciliation change', async ({ page }) => {
    // Many pages, axe on each, and a mail to wait for: more than the default 30 s on a busy machine.
    test.slow();
    await signInThroughPage(page, 'finances@exemple.test', DEMO_PASSWORD, '/admin/compte/connexion');
    await expect(page).toHaveURL(/\/admin\/$/);
    await page.getByRole('navigation', { name: 'Finances' }).getByRole('link', { name: 'Bureau des finances' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bureau des finances');
    await expectNoAxeViolations(page);

    await openReconciliation(page);
    const before = await chequeTotal(page);
    await expectNoAxeViolations(page);

    // « Nouvelle facture » for the demo parent, paid by cheque (manual 001).
    await page.getByRole('link', { name: 'Retour au bureau des finances' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bureau des finances');
    await page.getByRole('link', { name: 'Nouvelle facture' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle facture');
    await page.getByLabel('Courriel du payeur').fill('parent@exemple.test');
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

    // The day's reconciliation counts the cheque; its total opens on the payments behind it, by keyboard.
    await openReconciliation(page);
    await expect.poll(() => chequeTotal(page)).toBe(before + 2468);
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
