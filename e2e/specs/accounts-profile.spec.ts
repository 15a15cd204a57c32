import { expect, test } from '@playwright/test';
import { createConfirmedMember, expectSignedInAs, signInThroughPage, strongPassword, uniqueEmail } from '../support/accounts';
import { expectNoAxeViolations } from '../support/page-checks';

test.describe('« Profil »', () => {
  test('signed out, « Profil » leads to « Connexion » and back after signing in', async ({ page, request }) => {
    const email = uniqueEmail('garde');
    const password = strongPassword('garde');
    await createConfirmedMember(request, email, password);

    await page.goto('/compte/profil');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/compte/profil');
    await page.getByLabel('Nom d’utilisateur ou courriel').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Connexion', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profil');
  });

  test('the name top right opens « Profil », where « Sauvegarder le nouveau mot de passe » changes the password', async ({
    page,
    request,
  }) => {
    const email = uniqueEmail('profil');
    const password = strongPassword('avant');
    const newPassword = strongPassword('apres');
    await createConfirmedMember(request, email, password);

    await signInThroughPage(page, email, password);
    await expectSignedInAs(page, email);
    await page.getByRole('banner').getByRole('button', { name: email }).click();
    await page.getByRole('menuitem', { name: 'Profil' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profil');
    await expect(page.getByTestId('profile-email')).toHaveText(email);
    await expect(page.getByRole('heading', { name: 'Changement du mot de passe' })).toBeVisible();
    await expectNoAxeViolations(page);

    // A wrong « Ancien mot de passe » is refused next to the field.
    await page.getByLabel('Nouveau mot de passe').fill(newPassword);
    await page.getByLabel('Confirmation', { exact: true }).fill(newPassword);
    await page.getByLabel('Ancien mot de passe').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Sauvegarder le nouveau mot de passe' }).click();
    await expect(page.locator('.acc-form__error, [aria-invalid="true"]').first()).toBeVisible();
    await expect(page.getByLabel('Nouveau mot de passe')).toHaveValue(newPassword);

    await page.getByLabel('Ancien mot de passe').fill(password);
    await page.getByRole('button', { name: 'Sauvegarder le nouveau mot de passe' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre mot de passe est changé' })).toBeVisible();
    await expect(page.getByLabel('Nouveau mot de passe')).toHaveValue('');

    // « Déconnexion », then only the new password works.
    await page.getByRole('banner').getByRole('button', { name: email }).click();
    await page.getByRole('menuitem', { name: 'Déconnexion' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Connexion' })).toBeVisible();
    await signInThroughPage(page, email, password);
    await expect(page.getByRole('alert')).toBeVisible();
    await signInThroughPage(page, email, newPassword);
    await expectSignedInAs(page, email);
  });
});
