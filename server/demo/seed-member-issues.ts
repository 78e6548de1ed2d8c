import { and, asc, eq } from 'drizzle-orm';
import type { IssueCategory } from '../../contracts/intake.js';
import type { Role } from '../../contracts/roles.js';
import { addAffectedFirm, changeIssueStatus, mergeMemberIssue, raiseMemberIssue } from '../modules/intake/intake-service.js';
import { memberPortalAccess, members } from '../modules/members/tables.js';
import type { TenantCtx, Tx } from '../platform/db/tenancy.js';

interface DemoIssue {
  title: string;
  description: string;
  category: IssueCategory;
  firms: number;
  status?: { to: 'triaged' | 'forwarded' | 'declined'; note: string };
}

const ISSUES: DemoIssue[] = [
  {
    title: 'Containers wait nine days at Tema for repeated inspections',
    description: 'Customs, the Food and Drugs Authority and the Standards Authority each inspect the same container on different days. Demurrage costs us about GHS 1,200 per container each time.',
    category: 'infrastructure', firms: 18, status: { to: 'forwarded', note: 'Taken up by the trade facilitation committee; evidence from the port clearance consultation attached.' },
  },
  {
    title: 'VAT refunds take more than a year',
    description: 'Exporters are owed VAT refunds for 12 to 18 months, which ties up working capital that small firms do not have.',
    category: 'tax', firms: 11, status: { to: 'triaged', note: 'We are collecting the amounts owed from members.' },
  },
  {
    title: 'Power cuts in the Kumasi industrial area',
    description: 'Three to four cuts a week, without notice. Generators double our production cost.',
    category: 'infrastructure', firms: 7,
  },
  {
    title: 'Banks ask for land titles as collateral for small loans',
    description: 'Most of our members rent their premises; without a land title they cannot borrow even GHS 20,000.',
    category: 'finance', firms: 9,
  },
  {
    title: 'Business registration must be renewed in person in Accra',
    description: 'Firms in the north travel two days to renew a registration that could be done online.',
    category: 'regulation', firms: 4, status: { to: 'declined', note: 'The Registrar launched online renewal in October; see the guide on our website.' },
  },
  {
    title: 'Too few trained welders and electricians',
    description: 'We cannot find certified welders; technical schools train too few and without current equipment.',
    category: 'skills', firms: 5,
  },
];

/**
 * Problems members of the national chamber raised, at every stage of triage:
 * some forwarded to advocacy, one declined with its reason, one duplicate
 * merged. The demo member firm shares some of them and not others, so its
 * user can say "this affects us too".
 */
export async function seedDemoMemberIssues(tx: Tx, orgId: string, actor: { userId: string; name: string }) {
  const ctx: TenantCtx = { tx, orgId, role: 'admin' as Role, actor, locale: 'en' };
  const firms = (await tx.select({ id: members.id }).from(members).where(and(eq(members.orgId, orgId), eq(members.status, 'active'))).orderBy(asc(members.legalName))).map((f) => f.id);
  const [portal] = await tx.select({ memberId: memberPortalAccess.memberId }).from(memberPortalAccess).where(eq(memberPortalAccess.orgId, orgId));
  // The demo member's own firm stays out of these issues: joining one is its user's to do.
  const others = firms.filter((id) => id !== portal?.memberId);
  if (others.length < 20) return;
  const ids: string[] = [];
  for (const [n, issue] of ISSUES.entries()) {
    const raiser = others[(n * 7) % others.length]!;
    const row = await raiseMemberIssue(ctx, { title: issue.title, description: issue.description, category: issue.category, memberId: raiser });
    for (let k = 1; k < issue.firms; k++) await addAffectedFirm(ctx, row.id, { memberId: others[(n * 7 + k * 3) % others.length]!, note: '' });
    if (issue.status) await changeIssueStatus(ctx, row.id, { status: issue.status.to, note: issue.status.note });
    ids.push(row.id);
  }
  const duplicate = await raiseMemberIssue(ctx, {
    title: 'Port inspections are repeated by three agencies',
    description: 'Our containers are opened three times at Tema.',
    category: 'infrastructure',
    memberId: others[5]!,
  });
  await addAffectedFirm(ctx, duplicate.id, { memberId: others[40 % others.length]!, note: '' });
  await mergeMemberIssue(ctx, duplicate.id, { into: ids[0]!, note: '' });
}
