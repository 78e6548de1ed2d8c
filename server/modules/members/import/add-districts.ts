import { nothingChanged } from '../../../platform/audit/audited-writes.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { memberRules } from '../member-service.js';
import { getMemberSettings, updateMemberSettings } from '../settings-service.js';

/**
 * Adds districts an import named to the organisation's settings, through the
 * settings service (which audits the change), so the person can check the
 * file again without leaving the import. Known districts are not doubled.
 */
export async function addDistricts(ctx: TenantCtx, districts: Array<{ region: string; name: string }>) {
  const { regions } = await memberRules(ctx);
  const foreign = districts.find((d) => !regions.has(d.region));
  if (foreign) throw new AppError('validation_failed', {}, [{ path: 'districts', code: 'members.region_not_in_org', params: { region: foreign.region } }]);
  const { orgId: _o, updatedAt: _u, ...settings } = await getMemberSettings(ctx);
  const key = (d: { region: string; name: string }) => `${d.region}\u0000${d.name.toLowerCase()}`;
  const known = new Set(settings.districts.map(key));
  const added: typeof districts = [];
  for (const d of districts) {
    if (known.has(key(d))) continue;
    known.add(key(d));
    added.push(d);
  }
  if (added.length) await updateMemberSettings(ctx, { ...settings, districts: [...settings.districts, ...added] });
  else nothingChanged();
  return { added: added.length };
}
