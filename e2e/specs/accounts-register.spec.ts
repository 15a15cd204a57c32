import { expect, test } from '@playwright/test';
import { expectSignedInAs, linkIn, signInThroughPage, strongPassword, uniqueEmail, waitForMail } from '../support/accounts';
import { expectNoAxeViolations } from '../support/page-checks';

test.describe('« Pas un membre? Inscrivez-vous! »', () => {
  test('a parent registers with the bot check, confirms through the mailed link and signs in', async ({ page }) => {
    const email = uniqueEmail('parent');
    const password = strongPassword('inscription');

    await page.goto('/compte/connexion');
    await page.getByRole('link', { name: 'Pas un membre? Inscrivez-vous!' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscription');
    await expect(page).toHaveTitle('Inscription · Guichet');

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
