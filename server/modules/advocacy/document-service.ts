import { and, desc, eq } from 'drizzle-orm';
import type { AdvocacyDocument } from '../../../contracts/advocacy.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { storedContentType, storedFileName } from '../../platform/files/attachment.js';
import { addAdvocacyEvent } from './history-service.js';
import { getIssueRow } from './issue-row.js';
import { presentDocument } from './present.js';
import { advocacyDocuments } from './tables.js';

export const MAX_DOCUMENT = 10 * 1024 * 1024;

const columns = {
  id: advocacyDocuments.id, name: advocacyDocuments.name, description: advocacyDocuments.description, contentType: advocacyDocuments.contentType,
  size: advocacyDocuments.size, uploadedBy: advocacyDocuments.uploadedBy, createdAt: advocacyDocuments.createdAt,
};

export async function listDocuments(ctx: TenantCtx, issueId: string): Promise<AdvocacyDocument[]> {
  // Another organisation's issue is not found, rather than an empty list.
  await getIssueRow(ctx, issueId);
  const rows = await ctx.tx.select(columns).from(advocacyDocuments).where(and(eq(advocacyDocuments.issueId, issueId), eq(advocacyDocuments.orgId, ctx.orgId))).orderBy(desc(advocacyDocuments.createdAt));
  return rows.map(presentDocument);
}

export async function addDocument(ctx: TenantCtx, issueId: string, file: { buffer: Buffer; filename: string; contentType: string; description: string }) {
  await getIssueRow(ctx, issueId, true);
  if (file.buffer.length === 0) throw new AppError('file.empty');
  if (file.buffer.length > MAX_DOCUMENT) throw new AppError('file.too_large');
  const name = storedFileName(file.filename, 'document');
  await ctx.tx.insert(advocacyDocuments).values({
    orgId: ctx.orgId, issueId, name, description: file.description,
    contentType: storedContentType(file.contentType), size: file.buffer.length, data: file.buffer, uploadedBy: ctx.actor.name,
  });
  await addAdvocacyEvent(ctx, issueId, { action: 'document_added', to: name });
}

export async function getDocument(ctx: TenantCtx, issueId: string, documentId: string) {
  const [row] = await ctx.tx.select().from(advocacyDocuments).where(and(eq(advocacyDocuments.id, documentId), eq(advocacyDocuments.issueId, issueId), eq(advocacyDocuments.orgId, ctx.orgId)));
  if (!row) throw new AppError('advocacy.document_not_found');
  return row;
}

export async function removeDocument(ctx: TenantCtx, issueId: string, documentId: string) {
  await getIssueRow(ctx, issueId, true);
  const [removed] = await ctx.tx.delete(advocacyDocuments).where(and(eq(advocacyDocuments.id, documentId), eq(advocacyDocuments.issueId, issueId), eq(advocacyDocuments.orgId, ctx.orgId))).returning({ name: advocacyDocuments.name });
  if (!removed) throw new AppError('advocacy.document_not_found');
  await addAdvocacyEvent(ctx, issueId, { action: 'document_removed', from: removed.name });
}
