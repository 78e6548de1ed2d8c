import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { LedRegionDetail } from '../contracts/led.js';
import type { MeasureDetail } from '../contracts/led-implementation.js';
import en from '../locales/en.json' with { type: 'json' };
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const staff = DEMO_PEOPLE.find((p) => p.role === 'staff')!;
const env = useProductAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 } };

describe('photos of an LED progress report', () => {
  it('a field officer adds a photo from the phone, opens it larger and removes it after confirming', async () => {
    const phone = await openPage(env.browser, PHONE);
    await signIn(phone, env.product.url, staff.email, DEMO_PASSWORD);
    await phone.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const base = env.product.url;
    const { csrfToken } = (await (await phone.request.get(`${base}/api/v1/auth/session`)).json()) as { csrfToken: string };
    const post = async <T>(path: string, data: unknown) => (await (await phone.request.post(`${base}${path}`, { data, headers: { 'x-csrf-token': csrfToken } })).json()) as T;
    const { items } = (await (await phone.request.get(`${base}/api/v1/led/regions?limit=50`)).json()) as { items: Array<{ id: string; name: string }> };
    const region = items.find((r) => r.name === 'Ashanti')!;
    const created = await post<LedRegionDetail>(`/api/v1/led/regions/${region.id}/measures`, { title: 'Suame solar workshops', budget: 500_000, startsOn: '2026-01-05', endsOn: '2026-12-31' });
    const measure = created.measureList.find((m) => m.title === 'Suame solar workshops')!;
    await post<MeasureDetail>(`/api/v1/led/measures/${measure.id}/reports`, { reportedOn: '2026-03-02', text: 'Panels installed at 12 workshops.' });

    await phone.goto(`${base}/led/measures/${measure.id}?tab=reports`);
    await phone.getByText('Panels installed at 12 workshops.').waitFor();
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2f7d4a' } }).jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '6/1 41/1 0/1' } }).toBuffer();
    await phone.getByRole('button', { name: en.led.impl.addPhoto }).click();
    await phone.locator('input[type=file]').setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photo });
    await phone.getByRole('textbox', { name: en.led.impl.photoCaption }).fill('Panels on the roof of the first workshop');
    await phone.getByRole('button', { name: en.led.impl.upload, exact: true }).click();
    const thumbnail = phone.getByRole('button', { name: 'Open Panels on the roof of the first workshop' });
    await thumbnail.waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'a progress report with its photo (390 px)');

    await thumbnail.click();
    const large = phone.getByRole('dialog').getByRole('img', { name: 'Panels on the roof of the first workshop' });
    await large.waitFor();
    // The larger copy as the server keeps it: 1280 px wide, loaded.
    expect(await large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
    await expectAccessible(phone, 'a photo opened (390 px)');
    await phone.getByRole('button', { name: en.led.impl.removePhoto }).click();
    await phone.getByRole('dialog').getByText(en.led.impl.removePhotoQuestion).waitFor();
    await phone.getByRole('dialog').getByRole('button', { name: en.led.impl.removePhoto }).last().click();
    await thumbnail.waitFor({ state: 'detached' });
    const after = (await (await phone.request.get(`${base}/api/v1/led/measures/${measure.id}`)).json()) as MeasureDetail;
    expect(after.reports[0]!.photos).toEqual([]);
  });
});
