import { readFile } from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { apiSession, signInThroughPage, type StaffAccount, type TrainerAccount } from '../support/accounts';
import { draftCardRequest, recordChequeForBalance, submitByChequeAndWaitForInvoice } from '../support/card-requests';
import { until } from '../support/until';
import { expect, test } from '../support/fixtures';
import { expectNoAxeViolations } from '../support/page-checks';

/**
 * The card desk (issue 5, back-office): the card clerk opens the work queue, finds a paid request,
 * produces the cards (the print-ready PDF is checked), ships them with a tracking number and sees
 * « Expédiée »; then finds a participant by name and birth date. The clerk also edits the
 * « Référentiels » (an activity in French and English), imports participants from a CSV file into a
 * draft, and cancels an invoiced request (Billing credits its invoice). Each test has its own trainer,
 * card clerk and finance clerk, and makes its requests through the API first (the trainer creates and
 * submits, the finance desk records the cheque), so no test reads another's rows. Needs the api and
 * the worker, as scripts/with-services.mjs --app starts them.
 */

interface MadeRequest {
  readonly id: string;
  readonly number: string;
  readonly lastName: string;
  readonly birthDate: string;
}

/** The trainer's own API session (apart from the page's). The caller disposes of it. */
function trainerSession(trainer: TrainerAccount) {
  return apiSession(trainer.login, 'portal', trainer.password);
}

/** A request of the trainer with one participant, submitted with a cheque and invoiced (not paid). */
async function invoicedRequest(trainer: TrainerAccount): Promise<{ id: string; number: string; invoiceId: string }> {
  const session = await trainerSession(trainer);
  try {
    const request = await draftCardRequest(session, [{ title: 'mrs', firstName: 'Lucie', lastName: 'Tremblay', birthDate: '1979-06-15', phone: '418 555-0101' }]);
    const { invoiceId } = await submitByChequeAndWaitForInvoice(session, request.id);
    return { ...request, invoiceId };
  } finally {
    await session.dispose();
  }
}

/** A request of the trainer with two participants, submitted with a cheque, then paid at the finance desk. */
async function paidRequest(trainer: TrainerAccount, financeClerk: StaffAccount): Promise<MadeRequest> {
  const session = await trainerSession(trainer);
  const finance = await apiSession(financeClerk.login, 'back-office', financeClerk.password);
  try {
    // A name of this run only, so the participant search finds exactly this request's participant.
    const lastName = `Carte${Date.now().toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)])}`;
    const birthDate = '1990-04-02';
    const request = await draftCardRequest(session, [
      { title: 'mrs', firstName: 'Julie', lastName, birthDate, phone: '418 555-0101' },
      { title: 'mrs', firstName: 'Marc', lastName: 'Gagnon', birthDate: '1985-11-20', phone: '418 555-0101' },
    ]);
    const { invoiceId } = await submitByChequeAndWaitForInvoice(session, request.id);
    // « Enregistrer un paiement » at the finance desk: the cheque for the total.
    await recordChequeForBalance(finance, invoiceId);
    await until(
      async () => ((await (await session.get(`/api/card-requests/${request.id}`)).json()) as { status: string }).status,
      (status) => status === 'paid',
      'request paid',
    );
    return { id: request.id, number: request.number, lastName, birthDate };
  } finally {
    await session.dispose();
    await finance.dispose();
  }
}

/** Signs the card clerk in on the back-office. */
async function signInAsClerk(page: Page, clerk: StaffAccount): Promise<void> {
  await signInThroughPage(page, clerk.login, clerk.password, '/admin/compte/connexion');
  await expect(page).toHaveURL(/\/admin\/$/);
}

test.describe('card desk (back-office)', () => {
  test('the card clerk produces the cards of a paid request, ships them, and finds a participant', async ({
    page,
    trainer,
    financeClerk,
    cardClerk,
  }) => {
    // A whole request made and paid through the api, then many pages with axe on each.
    test.slow();
    test.setTimeout(120_000);
    const made = await paidRequest(trainer, financeClerk);

    await signInAsClerk(page, cardClerk);
    await page.getByRole('navigation', { name: 'Demandes de cartes' }).getByRole('link', { name: 'Demandes de cartes' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demandes de cartes');
    await expectNoAxeViolations(page);

    // The work queue, « Payée » tab: the request is there.
    await page.getByRole('navigation', { name: 'Demandes par statut' }).getByRole('link', { name: 'Payée', exact: true }).click();
    await expect(page).toHaveURL(/status=paid/);
    await page.getByLabel('Formateur', { exact: true }).fill(trainer.cardNumber);
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    const queue = page.getByTestId('card-queue');
    await expect(queue.getByRole('link', { name: made.number })).toBeVisible();
    await expectNoAxeViolations(page);
    await queue.getByRole('link', { name: made.number }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande ${made.number}`);
    await expect(page.getByTestId('request-status')).toHaveText('Payée');
    await expect(page.getByRole('heading', { name: 'Informations sur les formateurs / moniteurs' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Identification de la session de formation' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Adresse de livraison des cartes' })).toBeVisible();
    await expect(page.getByTestId('invoice-link')).toHaveAttribute('href', /\/admin\/finances\/factures\//);
    await expect(page.getByTestId('history')).toBeVisible();
    await expectNoAxeViolations(page);

    // « Produire les cartes », by keyboard.
    await page.getByRole('button', { name: 'Produire les cartes' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('card-desk-status')).toBeFocused();
    await expect(page.getByTestId('request-status')).toHaveText('Cartes produites');

    // « Télécharger les cartes (PDF) »: a real PDF.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger les cartes (PDF)' }).click();
    const pdf = await readFile((await (await downloading).path()) ?? '');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectNoAxeViolations(page);

    // « Expédier » with a « Numéro de suivi ».
    await page.getByLabel('Numéro de suivi').fill('CP123456789CA');
    await page.getByRole('button', { name: 'Expédier', exact: true }).click();
    await expect(page.getByTestId('request-status')).toHaveText('Expédiée');
    await expect(page.getByTestId('tracking-number')).toHaveText('CP123456789CA');
    await expect(page.getByTestId('history').getByRole('cell', { name: 'Expédiée', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // « Recherche de participants » by name and birth date (manual 000's reason for the required fields).
    await page.getByRole('link', { name: 'Retour aux demandes de cartes' }).click();
    await page.getByRole('navigation', { name: 'Autres pages des demandes de cartes' }).getByRole('link', { name: 'Recherche de participants' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recherche de participants');
    await expect(page.getByText('facilitent les recherches lorsqu’un candidat perd son attestation')).toBeVisible();
    await page.getByLabel('Nom', { exact: true }).fill(made.lastName);
    await page.getByLabel('Date de naissance').fill(made.birthDate);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const hits = page.getByTestId('participant-hits');
    const row = hits.getByRole('row').filter({ hasText: made.lastName });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('link', { name: made.number })).toBeVisible();
    await expect(row).toContainText('Expédiée');
    await expect(row.getByRole('button', { name: /Réémettre la carte/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('« Référentiels »: the card clerk adds an activity in French and English with a validity, and it stays after a reload', async ({
    page,
    cardClerk,
    trainer,
  }) => {
    test.slow();
    const code = `e2e-${Date.now().toString(36)}`;
    await signInAsClerk(page, cardClerk);
    await page.goto('/admin/cartes/referentiels');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Référentiels');
    await expect(page.getByRole('group', { name: /^Activité \d+$/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Ajouter une activité' }).click();
    const row = page.getByRole('group', { name: /^Activité \d+$/ }).last();
    await expect(row.getByLabel('Code', { exact: true })).toBeFocused();
    await row.getByLabel('Code', { exact: true }).fill(code);
    await row.getByLabel('Libellé (français)').fill(`Sauvetage nautique ${code}`);
    await row.getByLabel('Libellé (anglais)').fill(`Water rescue ${code}`);
    await expect(row.getByRole('checkbox', { name: 'Actif' })).toBeChecked();

    // A validity of 0 months: refused next to the field, what was typed stays.
    const validity = row.getByLabel('Durée de validité (mois)');
    await validity.fill('0');
    await page.getByRole('button', { name: 'Sauvegarder' }).click();
    await expect(validity).toBeFocused();
    await expect(validity).toHaveAttribute('aria-invalid', 'true');
    await expect(row.getByText('Inscrivez au moins 1.')).toBeVisible();
    await expect(validity).toHaveValue('0');
    await expect(row.getByLabel('Libellé (français)')).toHaveValue(`Sauvetage nautique ${code}`);
    await expectNoAxeViolations(page);

    await validity.fill('12');
    await page.getByRole('button', { name: 'Sauvegarder' }).click();
    await expect(page.getByTestId('card-desk-status')).toHaveText('Les référentiels sont sauvegardés.');
    await expect(page.getByTestId('card-desk-status')).toBeFocused();

    // After a reload the activity is there, both labels and the validity kept, its code now fixed.
    await page.reload();
    const rows = page.getByRole('group', { name: /^Activité \d+$/ });
    await expect(rows.first()).toBeVisible();
    const codes = await rows.getByLabel('Code', { exact: true }).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const index = codes.indexOf(code);
    expect(index, `${code} in ${codes.join(', ')}`).toBeGreaterThanOrEqual(0);
    const saved = rows.nth(index);
    await expect(saved.getByLabel('Libellé (français)')).toHaveValue(`Sauvetage nautique ${code}`);
    await expect(saved.getByLabel('Libellé (anglais)')).toHaveValue(`Water rescue ${code}`);
    await expect(saved.getByLabel('Durée de validité (mois)')).toHaveValue('12');
    await expect(saved.getByRole('checkbox', { name: 'Actif' })).toBeChecked();
    await expect(saved.getByLabel('Code', { exact: true })).not.toBeEditable();
    // A saved entry is deactivated, not deleted (requests refer to it): no « Retirer » on it.
    await expect(saved.getByRole('button', { name: /Retirer/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // « Actif » unchecked and saved: the trainers no longer get this test's activity.
    await saved.getByRole('checkbox', { name: 'Actif' }).uncheck();
    await page.getByRole('button', { name: 'Sauvegarder' }).click();
    await expect(page.getByTestId('card-desk-status')).toHaveText('Les référentiels sont sauvegardés.');
    const session = await trainerSession(trainer);
    try {
      const offered = (await (await session.get('/api/card-requests/reference-data')).json()) as { activities: { code: string }[] };
      expect(offered.activities.map((activity) => activity.code)).not.toContain(code);
    } finally {
      await session.dispose();
    }
  });

  test('« Importer des participants (CSV) » into a draft: the good rows are imported, the bad line is listed with its reason', async ({
    page,
    trainer,
    cardClerk,
  }) => {
    test.slow();
    const session = await trainerSession(trainer);
    let made: { id: string; number: string };
    try {
      made = await draftCardRequest(session);
    } finally {
      await session.dispose();
    }
    const csv = [
      'Titre;Prénom;Nom;Date de naissance;Téléphone;Poste',
      'Mme;Julie;Roy;1990-04-02;418 555-0101;',
      'Mx;Alex;Futur;2999-01-01;418 555-0103;',
      'M.;Marc;Gagnon;1985-11-20;418 555-0102;12',
    ].join('\n');

    await signInAsClerk(page, cardClerk);
    await page.goto(`/admin/cartes/demandes/${made.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande ${made.number}`);
    await expect(page.getByTestId('request-status')).toHaveText('Nouvelle');
    await expect(page.getByRole('heading', { name: 'Importer des participants (CSV)' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Fichier CSV').setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const report = page.getByTestId('import-report');
    await expect(report).toBeFocused();
    await expect(report).toContainText('2 participant(s) importé(s).');
    await expect(report).toContainText('1 ligne(s) refusée(s)');
    const rejected = page.getByTestId('import-rejected').getByRole('row');
    await expect(rejected).toHaveCount(2);
    await expect(rejected.nth(1).getByRole('rowheader')).toHaveText('3');
    await expect(rejected.nth(1)).toContainText('La date de naissance (2999-01-01) est dans le futur.');

    const participants = page.getByTestId('participants');
    await expect(participants.getByRole('row')).toHaveCount(3);
    await expect(participants).toContainText('Roy');
    await expect(participants).toContainText('Gagnon');
    await expect(participants).not.toContainText('Futur');
    await expect(page.getByTestId('history').getByRole('cell', { name: 'Participants importés', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('« Annuler la demande » with a reason on an invoiced request: « Annulée », and the invoice is credited', async ({
    page,
    trainer,
    cardClerk,
    financeClerk,
  }) => {
    test.slow();
    const made = await invoicedRequest(trainer);

    await signInAsClerk(page, cardClerk);
    await page.goto(`/admin/cartes/demandes/${made.id}`);
    await expect(page.getByTestId('request-status')).toHaveText('Facturée');
    await expect(page.getByTestId('invoice-link')).toHaveAttribute('href', new RegExp(made.invoiceId));
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Annuler la demande' }).click();
    await page.getByLabel('Raison de l’annulation').fill('Session annulée par l’organisme');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByText(`Annuler la demande ${made.number} ? Sa facture sera annulée par une note de crédit`)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirmer l’annulation' }).click();
    await expect(page.getByTestId('request-status')).toHaveText('Annulée');
    await expect(page.getByTestId('card-desk-status')).toBeFocused();
    await expect(page.getByText('Session annulée par l’organisme').first()).toBeVisible();
    await expect(page.getByTestId('history').getByRole('cell', { name: 'Annulée', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // At the finance desk, the invoice is canceled by a credit note.
    const finance = await apiSession(financeClerk.login, 'back-office', financeClerk.password);
    try {
      const invoice = await until(
        async () =>
          (await (await finance.get(`/api/billing/finance/invoices/${made.invoiceId}`)).json()) as {
            status: string;
            totalCents: number;
            creditedCents: number;
            creditNotes: { kind: string; number: string; totalCents: number }[];
          },
        (detail) => detail.status === 'canceled' && detail.creditNotes.length > 0,
        'invoice credited',
      );
      expect(invoice.creditNotes).toHaveLength(1);
      expect(invoice.creditNotes[0].kind).toBe('credit-note');
      expect(invoice.creditedCents).toBe(invoice.totalCents);
    } finally {
      await finance.dispose();
    }
  });

  test('the card desk needs a session: signed out, it leads to the sign-in page', async ({ page }) => {
    await page.goto('/admin/cartes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion du personnel');
  });
});
