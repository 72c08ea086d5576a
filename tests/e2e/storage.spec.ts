import { test, expect, loadDemo } from './extension';

test('when the browser deletes Carnet’s database under an open panel, the panel says so and what to do; reloading gives a working, empty Carnet', async ({
  panel,
}) => {
  test.setTimeout(120_000);
  await loadDemo(panel);
  await expect(panel.getByTestId('storage-banner')).toHaveCount(0);

  // What "clear site data" does to an open extension page: the database is deleted under its connections.
  await panel.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('carnet');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
  const banner = panel.getByTestId('storage-banner');
  await expect(banner).toHaveAttribute('data-kind', 'deleted');
  await expect(banner).toContainText(/deleted Carnet’s data on this device|supprimé les données de Carnet/);
  await expect(banner.getByRole('button', { name: /Restore a backup|Restaurer une sauvegarde/ })).toBeVisible();

  await banner.getByTestId('storage-reload').click();
  await panel.waitForLoadState('load');
  await expect(panel.getByTestId('storage-banner')).toHaveCount(0);
  await panel.getByRole('button', { name: /Accounts|Comptes/ }).click();
  await expect(panel.getByTestId('load-demo')).toBeVisible();
});
