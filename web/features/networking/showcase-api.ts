import type { z } from 'zod';
import type { Product, ProductInput, QualityScale, StaffProductInput } from '../../../contracts/networking-showcase.js';
import { api, uploadFile } from '../../app/api.js';

/** The showcase of local products: staff (`productsPath`) and a member firm's own (`myProductsPath`). */
export const productsPath = '/api/v1/networking/products';
export const myProductsPath = '/api/v1/networking/my/products';
const scalePath = '/api/v1/networking/quality-scale';

export const showcaseKeys = {
  products: ['networking', 'products'] as const,
  myProducts: ['networking', 'my', 'products'] as const,
  scale: ['networking', 'quality-scale'] as const,
};

type Own = boolean;
const root = (own: Own) => (own ? myProductsPath : productsPath);

export const fetchQualityScale = () => api<QualityScale>(scalePath);
export const saveQualityScale = (input: QualityScale) => api<QualityScale>(scalePath, { method: 'PUT', body: input });
export const createProduct = (input: z.input<typeof StaffProductInput>) => api<Product>(productsPath, { method: 'POST', body: input });
export const createMyProduct = (input: z.input<typeof ProductInput>) => api<Product>(myProductsPath, { method: 'POST', body: input });
export const updateProduct = (own: Own, id: string, input: z.input<typeof ProductInput> & { producerGroup?: string }) => api<Product>(`${root(own)}/${id}`, { method: 'PUT', body: input });
export const moveProduct = (id: string, action: 'publish' | 'unpublish') => api<Product>(`${productsPath}/${id}/${action}`, { method: 'POST', body: {} });
export const returnProduct = (id: string, reason: string) => api<Product>(`${productsPath}/${id}/return`, { method: 'POST', body: { reason } });
export const submitMyProduct = (id: string) => api<Product>(`${myProductsPath}/${id}/submit`, { method: 'POST', body: {} });
export const rateProduct = (id: string, rating: number | null) => api<Product>(`${productsPath}/${id}/rating`, { method: 'PUT', body: { rating } });
export const deleteProduct = (id: string) => api<{ id: string }>(`${productsPath}/${id}`, { method: 'DELETE' });
export const addProductPhoto = (own: Own, id: string, file: File, caption: string) => uploadFile<Product>(`${root(own)}/${id}/photos`, file, { caption });
export const removeProductPhoto = (own: Own, id: string, photoId: string) => api<Product>(`${root(own)}/${id}/photos/${photoId}`, { method: 'DELETE' });
export const productPhotoUrl = (own: Own, id: string, photoId: string, size: 'large' | 'thumb') => `${root(own)}/${id}/photos/${photoId}?size=${size}`;
