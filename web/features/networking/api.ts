import type { z } from 'zod';
import type { DealFollowUp, Interest, Introduction, IntroductionInput, IntroductionState, Match, NetworkingSettings, OfferDetail, OfferInput, Profile, ProfileInput, WhyNot } from '../../../contracts/networking.js';
import { api } from '../../app/api.js';

const base = '/api/v1/networking';
export const profilesPath = `${base}/profiles`;
export const offersPath = `${base}/offers`;
export const introductionsPath = `${base}/introductions`;
export const myOffersPath = `${base}/my/offers`;
export const marketPath = `${base}/my/market`;
/** Offers and requests the federation's other organisations share with this one (read-only). */
export const federationOffersPath = `${base}/federation-offers`;

export const networkingKeys = {
  all: ['networking'] as const,
  profiles: ['networking', 'profiles'] as const,
  profile: (memberId: string) => ['networking', 'profile', memberId] as const,
  offers: ['networking', 'offers'] as const,
  federationOffers: ['networking', 'federation-offers'] as const,
  offer: (id: string) => ['networking', 'offer', id] as const,
  matches: (kind: 'offer' | 'firm', id: string) => ['networking', 'matches', kind, id] as const,
  whyNot: (kind: 'offer' | 'firm', id: string, memberId: string) => ['networking', 'why-not', kind, id, memberId] as const,
  interests: ['networking', 'interests'] as const,
  introductions: ['networking', 'introductions'] as const,
  settings: ['networking', 'settings'] as const,
  dealFollowUps: (introductionId: string) => ['networking', 'deal-follow-ups', introductionId] as const,
  dealFollowUpList: (state: string) => ['networking', 'deal-follow-ups', 'list', state] as const,
  pickFirm: (q: string) => ['networking', 'pick-firm', q] as const,
  myProfile: ['networking', 'my', 'profile'] as const,
  myOffers: ['networking', 'my', 'offers'] as const,
  myOffer: (id: string) => ['networking', 'my', 'offer', id] as const,
  market: ['networking', 'my', 'market'] as const,
  myInterests: ['networking', 'my', 'interests'] as const,
};

export const fetchProfile = (memberId: string) => api<Profile>(`${profilesPath}/${memberId}`);
export const saveProfile = (memberId: string, input: z.input<typeof ProfileInput>) => api<Profile>(`${profilesPath}/${memberId}`, { method: 'PUT', body: input });
export const fetchOffer = (id: string) => api<OfferDetail>(`${offersPath}/${id}`);
export const createOffer = (input: z.input<typeof OfferInput> & { memberId: string }) => api<OfferDetail>(offersPath, { method: 'POST', body: input });
export const moveOffer = (id: string, action: 'submit' | 'approve' | 'withdraw' | 'renew') => api<OfferDetail>(`${offersPath}/${id}/${action}`, { method: 'POST', body: {} });
export const returnOffer = (id: string, reason: string) => api<OfferDetail>(`${offersPath}/${id}/return`, { method: 'POST', body: { reason } });
export const fetchMatches = (kind: 'offer' | 'firm', id: string) => api<{ items: Match[] }>(`${kind === 'offer' ? offersPath : profilesPath}/${id}/matches`);
export const fetchWhyNot = (kind: 'offer' | 'firm', id: string, memberId: string) => api<WhyNot>(`${kind === 'offer' ? offersPath : profilesPath}/${id}/why-not/${memberId}`);
export const fetchInterests = () => api<{ items: Interest[] }>(`${base}/interests`);
export const createIntroduction = (input: z.input<typeof IntroductionInput>) => api<Introduction>(introductionsPath, { method: 'POST', body: input });
export const moveIntroduction = (id: string, state: IntroductionState, note = '') => api<Introduction>(`${introductionsPath}/${id}/state`, { method: 'POST', body: { state, note } });
export const fetchDealFollowUps = (introductionId: string) => api<{ items: DealFollowUp[] }>(`${introductionsPath}/${introductionId}/follow-ups`);
export const fetchDealFollowUpList = (state: string) => api<{ items: DealFollowUp[] }>(`${base}/deal-follow-ups${state ? `?state=${state}` : ''}`);
export const fetchSettings = () => api<NetworkingSettings>(`${base}/settings`);
export const saveSettings = (input: NetworkingSettings) => api<NetworkingSettings>(`${base}/settings`, { method: 'PUT', body: input });

export const fetchMyProfile = () => api<Profile>(`${base}/my/profile`);
export const saveMyProfile = (input: z.input<typeof ProfileInput>) => api<Profile>(`${base}/my/profile`, { method: 'PUT', body: input });
export const createMyOffer = (input: z.input<typeof OfferInput>) => api<OfferDetail>(myOffersPath, { method: 'POST', body: input });
export const updateMyOffer = (id: string, input: z.input<typeof OfferInput>) => api<OfferDetail>(`${myOffersPath}/${id}`, { method: 'PUT', body: input });
export const moveMyOffer = (id: string, action: 'submit' | 'withdraw' | 'renew') => api<OfferDetail>(`${myOffersPath}/${id}/${action}`, { method: 'POST', body: {} });
export const expressInterest = (offerId: string, message: string) => api<{ items: Interest[] }>(`${marketPath}/${offerId}/interest`, { method: 'POST', body: { message } });
export const fetchMyInterests = () => api<{ interests: Interest[]; introductions: Introduction[] }>(`${base}/my/interests`);
