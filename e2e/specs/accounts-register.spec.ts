import { expect, test, type Page } from '@playwright/test';
import { expectSignedInAs, linkIn, signInThroughPage, strongPassword, uniqueEmail, waitForMail } from '../support/accounts';
import { expectNoAxeViolations } from '../support/page-checks';

/** The signed-in account's roles, as GET /api/auth/me reports them (the browser's own session cookie). */
async function expectRoles(page: Page, roles: readonly string[]): Promise<void> {
  const response = await page.request.get('/api/auth/me');
  expect(response.status()).toBe(200);
  const me = (await response.json()) as { roles: string[] };
  expect([...me.roles].sort()).toEqual([...roles].sort());
}

test.describe('« Pas un membre? Inscrivez-vous! »', () => {
  test('a parent registers with the bot check, confirms through the mailed link and signs in', async ({ page }) => {
    const email = uniqueEmail('parent');
    const password = strongPassword('inscription');

    await page.goto('/compte/connexion');
    await page.getByRole('link', { name: 'Pas un membre? Inscrivez-vous!' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscription');
    await expect(page).toHaveTitle('Inscription · Guichet');

    // The account type: a radio group, « Parent / autorité parentale » unless another is chosen.
    const accountType = page.getByRole('radiogroup', { name: 'Type de compte' });
    await expect(accountType.getByRole('radio')).toHaveCount(3);
    await expect(accountType.getByRole('radio', { name: 'Parent / autorité parentale' })).toBeChecked();
    await expect(accountType.getByRole('radio', { name: 'Propriétaire (établissement)' })).not.toBeChecked();
    await expect(accountType.getByRole('radio', { name: 'Apprenant' })).not.toBeChecked();

    await page.getByLabel('Courriel').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByLabel('Confirmer le mot de passe').fill(password);
    // Submitting before the bot check is refused on the page, and what was typed stays.
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    await expect(page.getByText('Veuillez faire la vérification avant de continuer.').first()).toBeVisible();
    await expect(page.getByLabel('Courriel')).toHaveValue(email);

    // The self-hosted proof of work: a checkbox labelled « Je ne suis pas un robot ».
    await page.getByRole('checkbox', { name: 'Je ne suis pas un robot' }).click();
    await expect(page.getByText('Vérifié')).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'S’inscrire' }).click();
    await expect(page.getByRole('status')).toContainText(`Un courriel a été envoyé à ${email}`);

    const link = linkIn(await waitForMail(email), '/compte/confirmer');
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirmation du courriel');
    await expect(page.getByRole('status')).toHaveText('Votre courriel est confirmé. Vous pouvez maintenant vous connecter.');
    // The token leaves the address bar once read.
    expect(new URL(page.url()).hash).toBe('');
    await expectNoAxeViolations(page);

    // The link works once (a fresh load: only the fragment would differ from the current address).
    await page.goto('/');
    await page.goto(link);
    await expect(page.getByRole('alert')).toBeVisible();

    await signInThroughPage(page, email, password);
    await expect(page).toHaveURL(/\/$/);
    await expectSignedInAs(page, email);
     await expectRoles(page, ['guardian']);
  });

  test('an establishment owner chooses « Propriétaire (établissement) » and gets the owner role', async ({ page }) => {
    const email = uniqueEmail('proprietaire');
    const password = strongPassword('proprietaire');

    await page.goto('/compte/inscription');
    const accountType = page.getByRole('radiogroup', { name: 'Type de compte' });
    await accountType.getByRole('radio', { name: 'Propriétaire (établissement)' }).check();
    await expect(accountType.getByRole('radio', { name: 'Parent / autorité parentale' })).not.toBeChecked();
    await page.getByLabel('Courriel').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByLabel('Confirmer le mot de passe').fill(password);
    await page.getByRole('checkbox', { name: 'Je ne suis pas un robot' }).click();
    await expect(page.getByText('Vérifié')).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    await expect(page.getByRole('status')).toContainText(`Un courriel a été envoyé à ${email}`);

    await page.goto(linkIn(await waitForMail(email), '/compte/confirmer'));
    await expect(page.getByRole('status')).toHaveText('Votre courriel est confirmé. Vous pouvez maintenant vous connecter.');

    await signInThroughPage(page, email, password);
    await expectSignedInAs(page, email);
    await expectRoles(page, ['owner']);
  });

  test('in English, the account types are offered in English', async ({ page }) => {
    await page.goto('/compte/inscription');
    await page.getByRole('button', { name: 'English' }).click();
    const accountType = page.getByRole('radiogroup', { name: 'Account type' });
    await expect(accountType.getByRole('radio', { name: 'Parent / legal guardian' })).toBeChecked();
    await expect(accountType.getByRole('radio', { name: 'Owner (institution)' })).toBeVisible();
    await expect(accountType.getByRole('radio', { name: 'Learner' })).toBeVisible();
  });

  test('the server’s field errors show next to the fields, in the chosen language, and keep what was typed', async ({ page }) => {
    const email = uniqueEmail('faible');
    await page.goto('/compte/inscription');
    await page.getByLabel('Courriel').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmer le mot de passe').fill('autre');
    await page.getByRole('checkbox', { name: 'Je ne suis pas un robot' }).click();
    await expect(page.getByText('Vérifié')).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'S’inscrire' }).click();

    // Checked on the page first: the two passwords differ.
    const confirmation = page.getByLabel('Confirmer le mot de passe');
    await expect(confirmation).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Les deux mots de passe ne sont pas identiques.')).toBeVisible();

    await confirmation.fill('court');
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    // Then by the API (password policy), its message tied to the field.
    const password = page.getByLabel('Mot de passe', { exact: true });
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await password.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const message = page.locator(`[id="${describedBy?.split(' ').find((id) => id.includes('error')) ?? describedBy}"]`);
    await expect(message).not.toBeEmpty();
    await expect(page.getByLabel('Courriel')).toHaveValue(email);
  });
});
