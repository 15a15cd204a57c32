import { randomInt } from 'node:crypto';
import { DEMO_PASSWORD, randomLetters, seedDemoAccounts, signInThroughPage } from '../support/accounts';
import { expect, test } from '../support/fixtures';
import { expectNoAxeViolations } from '../support/page-checks';

/**
 * The README's demo accounts (seeded once, as `npm start` does) exist and sign in: read-only, they are
 * this describe block's very subject. Everything else (the administration below) works with accounts
 * of its own.
 */
test.describe('demo accounts', () => {
  test.beforeAll(() => seedDemoAccounts());

  test('a trainer signs in with the username derived from the card (Éthier Claude, 003- → ethc003)', async ({ page }) => {
    await signInThroughPage(page, 'ethc003', DEMO_PASSWORD);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Claude Éthier' })).toBeVisible();
    await page.goto('/compte/profil');
    await expect(page.getByTestId('profile-username')).toHaveText('ethc003');
  });

  test('staff sign in to the back-office and find users in « Utilisateurs »', async ({ page }) => {
    await signInThroughPage(page, 'admin@exemple.test', DEMO_PASSWORD, '/admin/compte/connexion');
    await expect(page).toHaveURL(/\/admin\/$/);
    const nav = page.getByRole('navigation', { name: 'Gestion des comptes' });
    await nav.getByRole('link', { name: 'Utilisateurs' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utilisateurs');
    await page.getByLabel('Rechercher').fill('ethc003');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByRole('rowheader', { name: 'Claude Éthier' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the back-office refuses a member, with the same message as a wrong password', async ({ page }) => {
    await signInThroughPage(page, 'parent@exemple.test', DEMO_PASSWORD, '/admin/compte/connexion');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion du personnel');
  });

  test('« Utilisateurs » needs a staff session: signed out, it leads to the sign-in page', async ({ page }) => {
    await page.goto('/admin/utilisateurs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion du personnel');
  });
});

/** An administrator of the test's own (made by the demo admin, the account factory) does the administration. */
test.describe('back-office account administration', () => {
  test('the trainer registry import reports row by row and keeps the good rows', async ({ page, staffAdmin }) => {
    await signInThroughPage(page, staffAdmin.login, staffAdmin.password, '/admin/compte/connexion');
    await expect(page).toHaveURL(/\/admin\/$/);
    await page.getByRole('link', { name: 'Importation du registre des formateurs' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importation du registre des formateurs');
    await expectNoAxeViolations(page);

    // A card and a name of this test only: Tremblay Gabrielle, card 777-… → treg777 (unless taken: treg777-2).
    const suffix = String(randomInt(10_000_000, 100_000_000));
    const mailbox = `${suffix}-${randomLetters(6)}`;
    const csv = [
      'numero_carte,nom,prenom,courriel,expiration',
      `777-${suffix},Tremblay,Gabrielle,gabrielle.${mailbox}@exemple.test,2031-06-30`,
      `pas-une-carte,Roy,Luc,luc.${mailbox}@exemple.test,2031-06-30`,
    ].join('\n');
    await page.getByLabel('Fichier CSV du registre').setInputFiles({ name: 'registre.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importer' }).click();
    await expect(page.getByTestId('import-summary')).toContainText('1 créé(s)');
    await expect(page.getByTestId('import-summary')).toContainText('1 rejeté(s)');
    await expect(page.getByRole('row', { name: /Créé/ })).toContainText('treg777');
    await expect(page.getByRole('row', { name: /Rejeté/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('staff create a staff account; the log and the form pass axe', async ({ page, staffAdmin }) => {
    await signInThroughPage(page, staffAdmin.login, staffAdmin.password, '/admin/compte/connexion');
    await expect(page).toHaveURL(/\/admin\/$/);
    await page.getByRole('link', { name: 'Créer un compte du personnel' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un compte du personnel');
    await expectNoAxeViolations(page);
    const email = `finances-${Date.now().toString(36)}-${randomLetters(6)}@exemple.test`;
    await page.getByLabel('Courriel').fill(email);
    await page.getByLabel('Nom', { exact: true }).fill('Gagnon');
    await page.getByLabel('Prénom').fill('Sophie');
    await page.getByRole('checkbox', { name: 'Finances' }).check();
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await expect(page.getByText(`Un lien pour choisir un mot de passe a été envoyé à ${email}`)).toBeVisible();

    await page.goto('/admin/journal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal de sécurité');
    const entries = page.locator('tbody tr');
    await expect(entries.first()).toBeVisible();
    // This administrator's own entries only (as account or as actor): other tests write to the log too.
    await page.getByLabel('Identifiant du compte').fill(staffAdmin.accountId);
    await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();
    await expect(entries.filter({ hasNotText: staffAdmin.accountId })).toHaveCount(0);
    await expect(entries.first()).toBeVisible();
    // Actions show as words, not as the API's codes, in the UI's language: « Compte du personnel créé »
    // twice (this administrator's own account, made by the factory, and the one it made, « Par » it),
    // and its one « Connexion réussie ».
    const created = (name: string) => entries.filter({ has: page.getByRole('cell', { name, exact: true }) });
    await expect(created('Compte du personnel créé')).toHaveCount(2);
    await expect(created('Compte du personnel créé').filter({ has: page.locator('td:nth-child(4)', { hasText: staffAdmin.accountId }) })).toHaveCount(1);
    await expect(page.getByRole('cell', { name: 'Connexion réussie', exact: true })).toHaveCount(1);
    await expect(page.getByRole('cell', { name: 'staff-account-created', exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(created('Staff account created')).toHaveCount(2);
    await expect(page.getByRole('cell', { name: 'Signed in', exact: true })).toHaveCount(1);
  });
});
