import { readFile } from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { signInThroughPage, type TrainerAccount } from '../support/accounts';
import { draftCardRequest, montrealDay, submitByChequeAndWaitForInvoice, type ParticipantInput } from '../support/card-requests';
import { expect, test } from '../support/fixtures';
import { expectNoAxeViolations } from '../support/page-checks';

/**
 * « Guichet – Demande de cartes » in the portal (issue 5), following manual 000 step by step as a
 * certified trainer of the test's own (imported into the registry with a card of its own): « Sessions »,
 * « Ajouter », the three boxes of « Fiche de la session », « Ajouter les participants » with
 * « Sauvegarder et ajouter » and « OK », « Liste des participants », « Paiement » by cheque,
 * « Soumettre ». Bad input is refused next to its field with what was typed kept. Each test makes its
 * own accounts and requests, so the tests run alone or in parallel. Needs the api and the worker
 * (scripts/with-services.mjs --app).
 */

/** The three participants of the manual-000 test, as « Fiche du participant » takes them. */
const MANUAL_PARTICIPANTS: readonly ParticipantInput[] = [
  { title: 'mrs', firstName: 'Léa', lastName: 'Tremblay', birthDate: '1990-05-04', phone: '514 555-1234' },
  { title: 'mr', firstName: 'Marc', lastName: 'Gagnon', birthDate: '1985-11-20', phone: '450 555-9876', extension: '246' },
  { title: 'mx', firstName: 'Sam', lastName: 'Roy', birthDate: '2000-01-31', phone: '819-555-0000' },
];

/** Signs the trainer in on the portal and waits for « Sessions » in the banner. */
async function signInAsTrainer(page: Page, trainer: TrainerAccount): Promise<void> {
  await signInThroughPage(page, trainer.login, trainer.password);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sessions' })).toBeVisible();
}

/** The text of a PDF, as a reader would copy it (pdf.js through unpdf). */
async function pdfText(bytes: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

interface ReferenceData {
  readonly organizationTypes: readonly { code: string; label: string }[];
  readonly activities: readonly { code: string; label: string }[];
  readonly accreditedInstitutionTypeCode: string;
}

/** The reference data in force (the page's own session), to pick a typed organization and an activity. */
async function referenceData(page: Page): Promise<ReferenceData> {
  const response = await page.request.get('/api/card-requests/reference-data', { headers: { 'Accept-Language': 'fr' } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ReferenceData;
}

/** A field's message (Material's `mat-error`) in the field's own form-field. */
function errorOf(page: Page, label: string | RegExp) {
  return page.locator('mat-form-field', { has: page.getByLabel(label, { exact: true }) }).locator('mat-error');
}

async function fillParticipant(
  page: Page,
  p: { title: string; firstName: string; lastName: string; birthDate: string; phone: string; extension?: string },
): Promise<void> {
  await page.getByLabel('Titre').selectOption({ label: p.title });
  await page.getByLabel('Prénom', { exact: true }).fill(p.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(p.lastName);
  await page.getByLabel('Date de naissance').fill(p.birthDate);
  await page.getByLabel('Téléphone').fill(p.phone);
  if (p.extension !== undefined) await page.getByLabel('Poste').fill(p.extension);
}

test.describe('« Guichet – Demande de cartes » (portal)', () => {
  test('signed out, « Sessions » leads to « Connexion »', async ({ page }) => {
    await page.goto('/cartes/sessions');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/cartes/sessions');
  });

  test('a trainer follows manual 000 from « Sessions » to « Soumettre » with three participants and a cheque', async ({ page, trainer: me }) => {
    // The whole manual, three participants, axe on each screen, and the worker's invoice to wait for.
    test.slow();
    test.setTimeout(120_000);
    const suffix = Date.now().toString(36);
    const organization = `Centre de formation e2e ${suffix}`;

    await signInAsTrainer(page, me);
    const reference = await referenceData(page);
    const typed = reference.organizationTypes.find((type) => type.code !== reference.accreditedInstitutionTypeCode);
    if (!typed) throw new Error('no typed organization type in the reference data');
    const activity = reference.activities[0];
    if (!activity) throw new Error('no activity in the reference data');

    // 1. « Cliquer sur l'onglet « Sessions », puis sur « Ajouter ». »
    const sessionsLink = page.getByRole('banner').getByRole('link', { name: 'Sessions' });
    await sessionsLink.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions');
    await expect(sessionsLink).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Ajouter' }).click();
    await expect(page).toHaveURL(/\/cartes\/sessions\/nouvelle$/);

    // 2. « Informations sur les formateurs / moniteurs »: « Vos informations s'inscriront automatiquement. »
    const trainers = page.getByRole('group', { name: 'Informations sur les formateurs / moniteurs' });
    const trainer = trainers.getByRole('group', { name: 'Formateur / Moniteur', exact: true });
    await expect(trainer.getByLabel('Carte')).toHaveValue(me.cardNumber);
    await expect(trainer.getByLabel('Prénom')).toHaveValue(me.firstName);
    await expect(trainer.getByLabel('Nom', { exact: true })).toHaveValue(me.lastName);
    await expect(trainer.getByLabel('Carte')).toHaveJSProperty('readOnly', true);
    await expect(trainer.getByLabel('Courriel')).not.toHaveValue('');
    await expect(trainers.getByRole('group', { name: 'Deuxième formateur / moniteur' })).toBeVisible();
    await expectNoAxeViolations(page);

    // 3. « Identification de la session de formation ».
    const session = page.getByRole('group', { name: 'Identification de la session de formation' });
    await session.getByLabel('Type d’organisme').selectOption(typed.code);
    await session.getByLabel('Nom de l’organisme').fill(organization);
    await session.getByLabel('Lieu de formation').fill('Laval');
    await session.getByLabel('Activité de formation').selectOption(activity.code);
    await expect(session.getByLabel('Participants')).toHaveValue('0');
    // « Celle-ci ne peut pas être supérieure à la date du jour. »
    await session.getByLabel('Fin de la session').fill(montrealDay(1));

    // 4. « Information pour le traitement des cartes » / « Adresse de livraison des cartes ».
    const processing = page.getByRole('group', { name: 'Information pour le traitement des cartes' });
    const delivery = processing.getByRole('group', { name: 'Adresse de livraison des cartes' });
    await delivery.getByLabel('Adresse').fill('1800, boulevard Le Corbusier');
    await delivery.getByLabel('Ville').fill('Laval');
    await delivery.getByLabel('Code postal').fill('12345');
    await delivery.getByLabel('À l’attention de').fill(`${me.firstName} ${me.lastName}`);
    await delivery.getByLabel('Courriel').fill(me.email);
    await expect(processing.getByLabel('Statut')).toHaveValue('Nouvelle');

    await page.getByRole('button', { name: 'Sauvegarder' }).click();
    // Refused next to the fields, what was typed kept, focus on the first field to fix.
    await expect(errorOf(page, 'Fin de la session')).toHaveText('La date ne peut pas être supérieure à la date du jour.');
    await expect(errorOf(page, 'Code postal')).not.toBeEmpty();
    await expect(session.getByLabel('Fin de la session')).toHaveValue(montrealDay(1));
    await expect(delivery.getByLabel('Code postal')).toHaveValue('12345');
    await expect(session.getByLabel('Nom de l’organisme')).toHaveValue(organization);
    await expect(session.getByLabel('Fin de la session')).toBeFocused();
    await expectNoAxeViolations(page);

    await session.getByLabel('Fin de la session').fill(montrealDay(-2));
    await delivery.getByLabel('Code postal').fill('H7S 2K1');

    // 5. « Ajouter les participants »: saves, then « Fiche du participant ».
    await page.getByRole('button', { name: 'Ajouter les participants' }).click();
    await expect(page).toHaveURL(/\/cartes\/sessions\/[^/]+\/participants\/nouveau$/);
    const requestUrl = page.url().replace(/\/participants\/nouveau$/, '');
    await expect(page.getByRole('heading', { name: 'Fiche du participant' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Identification du participant' })).toBeVisible();
    await expect(page.getByText('Tous ces champs sont obligatoires et facilitent les recherches lorsqu’un candidat perd son attestation.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Liste des participants' })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page);

    // 6. Bad phone and a birth date in the future: refused, input kept.
    await fillParticipant(page, { title: 'Mme', firstName: 'Léa', lastName: 'Tremblay', birthDate: montrealDay(3), phone: '555' });
    await page.getByRole('button', { name: 'Sauvegarder et ajouter' }).click();
    await expect(errorOf(page, 'Date de naissance')).toHaveText('La date ne peut pas être supérieure à la date du jour.');
    await expect(errorOf(page, 'Téléphone')).not.toBeEmpty();
    await expect(page.getByLabel('Téléphone')).toHaveValue('555');
    await expect(page.getByLabel('Prénom', { exact: true })).toHaveValue('Léa');
    await expectNoAxeViolations(page);

    // « Sauvegarder et ajouter »: saved, the form is empty for the next one, and it is said.
    await page.getByLabel('Date de naissance').fill('1990-05-04');
    await page.getByLabel('Téléphone').fill('514 555-1234');
    await page.getByRole('button', { name: 'Sauvegarder et ajouter' }).click();
    await expect(page.getByTestId('notices')).toContainText('Léa Tremblay');
    await expect(page.getByLabel('Prénom', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Titre')).toBeFocused();

    // The second one, keyboard only, then « OK ».
    await page.getByLabel('Titre').selectOption({ label: 'M.' });
    await page.keyboard.press('Tab');
    await page.keyboard.type('Marc');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Gagnon');
    await page.getByLabel('Date de naissance').fill('1985-11-20');
    await page.getByLabel('Téléphone').focus(); // Tab walks through the date's day, month and year first
    await page.keyboard.type('450 555-9876');
    await page.keyboard.press('Tab');
    await page.keyboard.type('246');
    await page.keyboard.press('Enter'); // the form's default button: « OK »
    await expect(page).toHaveURL(`${requestUrl}/participants`);

    // « Liste des participants »: « Ajouter » for the third, then « Annuler » once and « OK ».
    const list = page.getByTestId('participants');
    await expect(list.getByRole('row')).toHaveCount(3);
    await page.getByRole('link', { name: 'Ajouter', exact: true }).click();
    await fillParticipant(page, { title: 'Mx', firstName: 'Sam', lastName: 'Roy', birthDate: '2000-01-31', phone: '819-555-0000' });
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(list.getByRole('row')).toHaveCount(3);
    await page.getByRole('link', { name: 'Ajouter', exact: true }).click();
    await fillParticipant(page, { title: 'Mx', firstName: 'Sam', lastName: 'Roi', birthDate: '2000-01-31', phone: '819-555-0000' });
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(list.getByRole('row')).toHaveCount(4);
    await expect(list.getByRole('columnheader', { name: 'Suppression' })).toBeVisible();
    await expectNoAxeViolations(page);

    // « Cliquer sur un des participants pour modifier la fiche de celui-ci »: Roi → Roy.
    await list.getByRole('link', { name: /Sam Roi/ }).click();
    await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Roi');
    await page.getByLabel('Nom', { exact: true }).fill('Roy');
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(list).toContainText('Roy');
    await expect(list).not.toContainText('Roi');

    // « Supprimer » then add back, so « Supprimer » is seen to work.
    await list.getByRole('button', { name: 'Supprimer Sam Roy' }).click();
    await expect(list.getByRole('row')).toHaveCount(3);
    await page.getByRole('link', { name: 'Ajouter', exact: true }).click();
    await fillParticipant(page, { title: 'Mx', firstName: 'Sam', lastName: 'Roy', birthDate: '2000-01-31', phone: '819-555-0000' });
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(list.getByRole('row')).toHaveCount(4);

    // « Retour à la session »: the count follows.
    await page.getByRole('link', { name: 'Retour à la session' }).click();
    await expect(page.getByLabel('Participants')).toHaveValue('3');

    // 7. « Paiement »: 2 $ per participant, 6,00 $.
    const paymentTab = page.getByRole('navigation', { name: 'Sections de la demande' }).getByRole('link', { name: 'Paiement' });
    await paymentTab.click();
    await expect(paymentTab).toHaveAttribute('aria-current', 'page');
    const payment = page.getByRole('group', { name: 'Information du paiement' });
    await expect(payment.getByTestId('unit-price')).toHaveText(/^Les cartes seront émises au coût de 2,00\s\$ par participant\.$/);
    await expect(payment.getByLabel('Total')).toHaveValue(/^6,00\s\$$/);
    await expect(payment.getByText('Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $')).toBeVisible();

    // 8. « Mode de paiement »: par chèque, and the manual's notice.
    await payment.getByLabel('Mode de paiement').selectOption({ label: 'Par chèque' });
    await expect(payment.getByTestId('cheque-notice')).toHaveText(
      'Veuillez attendre la facture, qui vous sera acheminée par courriel dans les prochains jours, avant de nous faire parvenir le paiement. Il est primordial d’indiquer votre numéro de facture sur le chèque émis.',
    );
    // 9. « Facturé à »: organisme.
    await payment.getByLabel('Facturé à').selectOption({ label: 'Organisme' });
    await expect(page.getByText('Veuillez prendre note que les cartes seront expédiées à la réception de votre paiement.')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Soumettre' }).click();
    await expect(page.getByTestId('status')).toHaveText(/^(Soumise|Facturée)$/);
    await expect(page.getByRole('button', { name: 'Soumettre' })).toHaveCount(0);
    await expect(payment.getByLabel('Mode de paiement')).toBeDisabled();
    // The invoice is issued by the worker through Billing: « Facturée » and its PDF.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('status')).toHaveText('Facturée', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: 'Télécharger la facture' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Read-only everywhere now.
    await page.getByRole('link', { name: 'Fiche de la session' }).click();
    await expect(page.getByRole('button', { name: 'Sauvegarder' })).toHaveCount(0);
    await expect(page.getByLabel('Lieu de formation')).toBeDisabled();
    await page.getByRole('link', { name: 'Liste des participants' }).click();
    await expect(page.getByRole('button', { name: /^Supprimer/ })).toHaveCount(0);

    // « Sessions »: the request at the top (the trainer's only one), with its status and total.
    await page.getByRole('banner').getByRole('link', { name: 'Sessions' }).click();
    await expect(page.getByTestId('sessions').getByRole('row')).toHaveCount(2);
    const row = page.getByTestId('sessions').getByRole('row').nth(1);
    await expect(row).toContainText(organization);
    await expect(row.getByTestId('request-status')).toHaveText('Facturée');
    await expect(row).toContainText(/6,00\s\$/);
    await expectNoAxeViolations(page);
  });

  test('staff record the cheque, produce the cards (the PDF checked) and ship them; the trainer sees « Expédiée »', async ({
    page,
    browser,
    trainer,
    financeClerk,
    cardClerk,
  }) => {
    test.setTimeout(180_000);
    // The trainer's own request, as manual 000 ends: three participants, « Soumettre » by cheque, « Facturée ».
    await signInAsTrainer(page, trainer);
    const made = await draftCardRequest(page.request, MANUAL_PARTICIPANTS);
    await submitByChequeAndWaitForInvoice(page.request, made.id, 'organization');
    const request = { id: made.id, participants: MANUAL_PARTICIPANTS.map((p) => `${p.firstName} ${p.lastName}`) };
    const detail = await page.request.get(`/api/card-requests/${request.id}`);
    const invoice = ((await detail.json()) as { invoice: { id: string; number: string } | null }).invoice;
    expect(invoice?.number).toMatch(/^F-\d{4}-\d{6}$/);

    // The finance clerk records the cheque at Billing's finance desk (manual 001: the invoice number on the cheque).
    const finance = await (await browser.newContext()).newPage();
    await signInThroughPage(finance, financeClerk.login, financeClerk.password, '/admin/compte/connexion');
    await expect(finance).toHaveURL(/\/admin\/$/);
    await finance.goto(`/admin/finances/factures/${invoice?.id}`);
    await expect(finance.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`Facture ${invoice?.number}`));
    await finance.getByLabel('Mode', { exact: true }).selectOption({ label: 'Chèque' });
    await finance.getByLabel('Montant', { exact: true }).fill('6,00');
    await finance.getByLabel('Numéro du chèque ou du virement').fill(`CHQ-${invoice?.number}`);
    await finance.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(finance.getByTestId('invoice-status')).toHaveText('Payée');
    await finance.close();

    // Billing says the invoice is paid: the request follows.
    await expect(async () => {
      await page.goto(`/cartes/sessions/${request.id}`);
      await expect(page.getByTestId('status')).toHaveText('Payée', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    // The card clerk produces the cards: one per participant, in a print-ready PDF, then ships them.
    const clerk = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signInThroughPage(clerk, cardClerk.login, cardClerk.password, '/admin/compte/connexion');
    await expect(clerk).toHaveURL(/\/admin\/$/);
    await clerk.goto(`/admin/cartes/demandes/${request.id}`);
    await expect(clerk.getByTestId('request-status')).toHaveText('Payée');
    await clerk.getByRole('button', { name: 'Produire les cartes' }).click();
    await expect(clerk.getByTestId('request-status')).toHaveText('Cartes produites');
    const downloading = clerk.waitForEvent('download');
    await clerk.getByRole('link', { name: 'Télécharger les cartes (PDF)' }).click();
    const pdf = await readFile((await (await downloading).path()) ?? '');
    const text = await pdfText(pdf);
    for (const name of request.participants) expect(text).toContain(name);
    expect(text).toContain(`${trainer.firstName} ${trainer.lastName}`);
    expect(text.match(/C-\d{4}-\d{6}/g)?.length).toBe(3);
    expect(text).toContain('Code de vérification');
    await clerk.getByLabel('Numéro de suivi').fill('CP987654321CA');
    await clerk.getByRole('button', { name: 'Expédier', exact: true }).click();
    await expect(clerk.getByTestId('request-status')).toHaveText('Expédiée');
    await clerk.close();

    // The trainer sees « Expédiée » in « Sessions » (the trainer's only request).
    await page.getByRole('banner').getByRole('link', { name: 'Sessions' }).click();
    const row = page.getByTestId('sessions').getByRole('row').filter({ has: page.getByRole('link') });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('request-status')).toHaveText('Expédiée');
    await expectNoAxeViolations(page);
  });

  test('a request paid by credit card goes through Billing\'s hosted card page and becomes « Payée »', async ({ page, trainer }) => {
    test.slow();
    await signInAsTrainer(page, trainer);
    // Three participants at 2 $: 6,00 $, above the 5 $ card minimum.
    const request = await draftCardRequest(page.request, 3);
    await page.goto(`/cartes/sessions/${request.id}/paiement`);
    const payment = page.getByRole('group', { name: 'Information du paiement' });
    await payment.getByLabel('Mode de paiement').selectOption({ label: 'Carte de crédit' });
    await payment.getByLabel('Facturé à').selectOption({ label: 'Individu' });
    await page.getByRole('button', { name: 'Soumettre' }).click();

    // The card is typed on the processor's page, never on ours.
    await expect(page).toHaveURL(/\/hosted\/card\?/, { timeout: 30_000 });
    await page.getByLabel('Numéro de carte').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiration (MM/AA)').fill('12/39');
    await page.getByLabel('CVC').fill('123');
    await page.getByLabel('Nom sur la carte').fill(`${trainer.firstName} ${trainer.lastName}`);
    await page.getByRole('button', { name: /^Payer 6,00\s\$$/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Paiement accepté' })).toBeVisible({ timeout: 15_000 });

    // Billing's invoice-paid event reaches the request.
    await expect(async () => {
      await page.goto(`/cartes/sessions/${request.id}`);
      await expect(page.getByTestId('status')).toHaveText('Payée', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expectNoAxeViolations(page);
  });

  test('« Sessions » and a request open with the keyboard alone', async ({ page, trainer }) => {
    await signInAsTrainer(page, trainer);
    // The trainer's own draft, so « Sessions » has exactly one request to open.
    const made = await draftCardRequest(page.request, 1);
    await page.getByRole('banner').getByRole('link', { name: 'Sessions' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions');
    const links = page.getByTestId('sessions').getByRole('link');
    await expect(links).toHaveCount(1);
    await links.first().focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/cartes/sessions/${made.id}`));
    await expect(page.getByRole('navigation', { name: 'Sections de la demande' })).toBeVisible();
    const tabs = page.getByRole('navigation', { name: 'Sections de la demande' }).getByRole('link');
    await expect(tabs).toHaveText(['Fiche de la session', 'Liste des participants', 'Paiement']);
    await tabs.nth(1).focus();
    await page.keyboard.press('Enter');
    await expect(tabs.nth(1)).toHaveAttribute('aria-current', 'page');
  });

  test('the public verification page asks for « Code de vérification » and says an unknown code is unknown', async ({ page }) => {
    await page.goto('/verification');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérification d’une carte');
    await page.getByLabel('Code de vérification').fill('INCONNU-0000');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/verification\/INCONNU-0000$/);
    await expect(page.getByTestId('verification-error')).toHaveText('Aucune carte ne correspond à ce code de vérification.');
    await expectNoAxeViolations(page);
  });
});
