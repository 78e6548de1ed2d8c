import { IconAddressBook, IconArrowsExchange, IconBriefcase, IconHeartHandshake, IconAdjustments, IconGauge, IconMapPin, IconCalendarEvent, IconSchool, IconTargetArrow, IconUsersGroup, IconUserStar, IconAlertTriangle, IconBuildingBank, IconSpeakerphone, IconBuildingCommunity, IconBuildingStore, IconChartBar, IconForms, IconHistory, IconHome, IconKey, IconMail, IconMessages, IconSettings, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Permission } from '../../contracts/permissions.js';

export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  permission: Permission;
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

// Each module adds its pages to a section here; a person sees only the items
// their role permits.
export const navigation: NavSection[] = [
  {
    label: 'nav.section.work',
    items: [
      { to: '/', label: 'nav.home', icon: IconHome, permission: 'org.read' },
      { to: '/my-firm', label: 'nav.myFirm', icon: IconBuildingStore, permission: 'members.self' },
      { to: '/networking/my-profile', label: 'nav.networkingMyProfile', icon: IconAddressBook, permission: 'networking.self' },
      { to: '/networking/my-offers', label: 'nav.networkingMyOffers', icon: IconBriefcase, permission: 'networking.self' },
      { to: '/networking/market', label: 'nav.networkingMarket', icon: IconArrowsExchange, permission: 'networking.self' },
      { to: '/networking/my-products', label: 'nav.networkingMyProducts', icon: IconBuildingStore, permission: 'networking.self' },
      { to: '/networking/my-info', label: 'nav.networkingMyInfo', icon: IconBuildingStore, permission: 'networking.self' },
    ],
  },
  {
    label: 'nav.section.members',
    items: [
      { to: '/members', label: 'nav.members', icon: IconBuildingStore, permission: 'members.read' },
      { to: '/membership', label: 'nav.membershipDashboard', icon: IconChartBar, permission: 'members.read' },
      { to: '/membership/settings', label: 'nav.membershipSettings', icon: IconAdjustments, permission: 'members.settings' },
    ],
  },
  {
    label: 'nav.section.voice',
    items: [
      { to: '/issues', label: 'nav.issues', icon: IconAlertTriangle, permission: 'intake.read' },
      { to: '/consultations', label: 'nav.consultations', icon: IconMessages, permission: 'surveys.read' },
      { to: '/forms', label: 'nav.forms', icon: IconForms, permission: 'surveys.read' },
    ],
  },
  {
    label: 'nav.section.advocacy',
    items: [
      { to: '/advocacy', label: 'nav.advocacy', icon: IconSpeakerphone, permission: 'advocacy.read' },
      { to: '/decision-makers', label: 'nav.decisionMakers', icon: IconUserStar, permission: 'advocacy.read' },
      { to: '/dialogue', label: 'nav.dialogue', icon: IconBuildingBank, permission: 'dialogue.read' },
    ],
  },
  {
    // LED, training and networking add their pages here, beside the people they reach.
    label: 'nav.section.programmes',
    items: [
      { to: '/events', label: 'nav.events', icon: IconCalendarEvent, permission: 'events.read' },
      { to: '/training', label: 'nav.training', icon: IconSchool, permission: 'training.read' },
      { to: '/training/capacity', label: 'nav.capacity', icon: IconGauge, permission: 'capacity.read' },
      { to: '/led', label: 'nav.led', icon: IconMapPin, permission: 'led.read' },
      { to: '/networking', label: 'nav.networkingDirectory', icon: IconAddressBook, permission: 'networking.read' },
      { to: '/networking/offers', label: 'nav.networkingOffers', icon: IconBriefcase, permission: 'networking.read' },
      { to: '/networking/products', label: 'nav.networkingShowcase', icon: IconBuildingStore, permission: 'networking.read' },
      { to: '/networking/info', label: 'nav.networkingInfo', icon: IconBuildingStore, permission: 'networking.read' },
      { to: '/networking/introductions', label: 'nav.networkingIntroductions', icon: IconHeartHandshake, permission: 'networking.read' },
      { to: '/networking/settings', label: 'nav.networkingSettings', icon: IconAdjustments, permission: 'networking.settings' },
      { to: '/people-reached', label: 'nav.peopleReached', icon: IconUsersGroup, permission: 'people_reached.read' },
      { to: '/results', label: 'nav.results', icon: IconTargetArrow, permission: 'results.read' },
      { to: '/results/dashboard', label: 'nav.resultsDashboard', icon: IconChartBar, permission: 'results.read' },
    ],
  },
  {
    label: 'nav.section.organisation',
    items: [
      { to: '/organisation', label: 'nav.organisation', icon: IconSettings, permission: 'org.read' },
      { to: '/people', label: 'nav.people', icon: IconUsers, permission: 'people.read' },
      { to: '/branches', label: 'nav.branches', icon: IconBuildingCommunity, permission: 'branches.read' },
    ],
  },
  {
    label: 'nav.section.administration',
    items: [
      { to: '/audit', label: 'nav.audit', icon: IconHistory, permission: 'audit.read' },
      { to: '/outbox', label: 'nav.outbox', icon: IconMail, permission: 'mail.read' },
      { to: '/api-tokens', label: 'nav.apiTokens', icon: IconKey, permission: 'tokens.manage' },
    ],
  },
];
