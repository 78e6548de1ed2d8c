import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { lazyPage, page } from './lazy-page.js';

/*
 * The signed-in routes of every page but the member firms' first ones (home,
 * profile, my firm, issues raised: App.tsx): staff's pages and the members'
 * others. This table, with each page's import and its messages in four
 * languages, was about 11 kB compressed of every first visit (issue 14: member
 * pages ≤ 150 kB); the router fetches it the first time a path is not one of
 * App.tsx's (patchRoutesOnNavigation there).
 */

const OrgSettingsPage = page(() => import('../features/orgs/OrgSettingsPage.js'), 'OrgSettingsPage');
const PeoplePage = page(() => import('../features/orgs/PeoplePage.js'), 'PeoplePage');
const BranchesPage = page(() => import('../features/orgs/BranchesPage.js'), 'BranchesPage');
const ApiTokensPage = page(() => import('../features/orgs/ApiTokensPage.js'), 'ApiTokensPage');
const AuditPage = page(() => import('../features/audit/AuditPage.js'), 'AuditPage');
const OutboxPage = page(() => import('../features/mail/OutboxPage.js'), 'OutboxPage');
const MembersPage = page(() => import('../features/members/MembersPage.js'), 'MembersPage');
const NewMemberPage = page(() => import('../features/members/NewMemberPage.js'), 'NewMemberPage');
const MemberPage = page(() => import('../features/members/MemberPage.js'), 'MemberPage');
const ImportPage = page(() => import('../features/members/ImportPage.js'), 'ImportPage');
const MembershipDashboardPage = page(() => import('../features/members/MembershipDashboardPage.js'), 'MembershipDashboardPage');
const MembershipSettingsPage = page(() => import('../features/members/MembershipSettingsPage.js'), 'MembershipSettingsPage');
const FormsPage = page(() => import('../features/surveys/FormsPage.js'), 'FormsPage');
const FormBuilderPage = page(() => import('../features/surveys/FormBuilderPage.js'), 'FormBuilderPage');
const ConsultationsPage = page(() => import('../features/surveys/ConsultationsPage.js'), 'ConsultationsPage');
const ConsultationPage = page(() => import('../features/surveys/ConsultationPage.js'), 'ConsultationPage');
const AdvocacyPage = page(() => import('../features/advocacy/AdvocacyPage.js'), 'AdvocacyPage');
const AdvocacyIssuePage = page(() => import('../features/advocacy/AdvocacyIssuePage.js'), 'AdvocacyIssuePage');
const DecisionMakersPage = page(() => import('../features/advocacy/DecisionMakersPage.js'), 'DecisionMakersPage');
const PeopleReachedPage = page(() => import('../features/people/PeopleReachedPage.js'), 'PeopleReachedPage');
const PersonReachedPage = page(() => import('../features/people/PersonReachedPage.js'), 'PersonReachedPage');
const PersonReachedFormPage = page(() => import('../features/people/PersonReachedForm.js'), 'PersonReachedFormPage');
const EventsPage = page(() => import('../features/events/EventsPage.js'), 'EventsPage');
const EventPage = page(() => import('../features/events/EventPage.js'), 'EventPage');
const EventFormPage = page(() => import('../features/events/EventFormPage.js'), 'EventFormPage');
const CheckInPage = page(() => import('../features/events/CheckInPage.js'), 'CheckInPage');
const CoursesPage = page(() => import('../features/training/CoursesPage.js'), 'CoursesPage');
const CoursePage = page(() => import('../features/training/CoursePage.js'), 'CoursePage');
const CourseFormPage = page(() => import('../features/training/CourseFormPage.js'), 'CourseFormPage');
const LineagePage = page(() => import('../features/training/LineagePage.js'), 'LineagePage');
const B2bPage = page(() => import('../features/b2b/B2bPage.js'), 'B2bPage');
const B2bParticipantPage = page(() => import('../features/b2b/B2bParticipantPage.js'), 'B2bParticipantPage');
const SigningKeysPage = page(() => import('../features/training/SigningKeysPage.js'), 'SigningKeysPage');
const CapacityPage = page(() => import('../features/training/CapacityPage.js'), 'CapacityPage');
const CapacityAssessmentPage = page(() => import('../features/training/CapacityAssessmentPage.js'), 'CapacityAssessmentPage');
const LedRegionsPage = page(() => import('../features/led/LedRegionsPage.js'), 'LedRegionsPage');
const LedRegionPage = page(() => import('../features/led/LedRegionPage.js'), 'LedRegionPage');
const LedRegionFormPage = page(() => import('../features/led/LedRegionFormPage.js'), 'LedRegionFormPage');
const LedComparePage = page(() => import('../features/led/LedComparePage.js'), 'LedComparePage');
const MeasurePage = page(() => import('../features/led/MeasurePage.js'), 'MeasurePage');
const CallRatingPage = page(() => import('../features/led/CallRatingPage.js'), 'CallRatingPage');
const LedCallsPage = page(() => import('../features/led/LedCallsPage.js'), 'LedCallsPage');
const LedCallPage = page(() => import('../features/led/LedCallPage.js'), 'LedCallPage');
const LedCallFormPage = page(() => import('../features/led/LedCallFormPage.js'), 'LedCallFormPage');
const ApplicationFormPage = page(() => import('../features/led/ApplicationFormPage.js'), 'ApplicationFormPage');
const SelectionRunPage = page(() => import('../features/led/CallRatingPage.js'), 'SelectionRunPage');
const InterviewPage = page(() => import('../features/led/InterviewPage.js'), 'InterviewPage');
const BottleneckPage = page(() => import('../features/led/BottleneckPage.js'), 'BottleneckPage');
const LedRollupPage = page(() => import('../features/led/LedRollupPage.js'), 'LedRollupPage');
const RollupMeasuresPage = page(() => import('../features/led/RollupRecordsPages.js'), 'RollupMeasuresPage');
const RollupPeoplePage = page(() => import('../features/led/RollupRecordsPages.js'), 'RollupPeoplePage');
const networkingDirectory = () => import('../features/networking/DirectoryPages.js');
const networkingOffers = () => import('../features/networking/OfferPages.js');
const memberNetworking = () => import('../features/networking/MemberPages.js');
const DirectoryPage = page(networkingDirectory, 'DirectoryPage');
const FirmProfilePage = page(networkingDirectory, 'FirmProfilePage');
const NetworkingOffersPage = page(networkingOffers, 'OffersPage');
const NetworkingOfferPage = page(networkingOffers, 'OfferPage');
const IntroductionsPage = page(() => import('../features/networking/IntroductionsPage.js'), 'IntroductionsPage');
const NetworkingSettingsPage = page(() => import('../features/networking/NetworkingSettingsPage.js'), 'NetworkingSettingsPage');
const MyNetworkingProfilePage = page(memberNetworking, 'MyProfilePage');
const MyOffersPage = page(memberNetworking, 'MyOffersPage');
const MarketPage = page(memberNetworking, 'MarketPage');
const showcaseNetworking = () => import('../features/networking/ShowcasePages.js');
const ShowcasePage = page(showcaseNetworking, 'ShowcasePage');
const MyProductsPage = page(showcaseNetworking, 'MyProductsPage');
const InfoServicePage = page(() => import('../features/networking/InfoStaffPages.js'), 'InfoServicePage');
const MyInfoPage = page(() => import('../features/networking/InfoMemberPages.js'), 'MyInfoPage');
const DecisionMakerPage = page(() => import('../features/advocacy/DecisionMakerPage.js'), 'DecisionMakerPage');
const ResultsPage = page(() => import('../features/results/ResultsPage.js'), 'ResultsPage');
const FrameworkPage = page(() => import('../features/results/FrameworkPage.js'), 'FrameworkPage');
const PeriodPage = page(() => import('../features/results/PeriodPage.js'), 'PeriodPage');
const resultsDashboards = () => import('../features/results/DashboardPages.js');
const ResultsDashboardPage = page(resultsDashboards, 'ResultsDashboardPage');
const DonorDashboardPage = page(resultsDashboards, 'DonorDashboardPage');
const DialoguePage = page(() => import('../features/dialogue/DialoguePage.js'), 'DialoguePage');
const ForumPage = page(() => import('../features/dialogue/ForumPage.js'), 'ForumPage');
const MeetingPage = page(() => import('../features/dialogue/MeetingPage.js'), 'MeetingPage');

export const moreRoutes: RouteObject[] = [
  { path: 'organisation', element: lazyPage(<OrgSettingsPage />) },
  { path: 'people', element: lazyPage(<PeoplePage />) },
  { path: 'branches', element: lazyPage(<BranchesPage />) },
  { path: 'api-tokens', element: lazyPage(<ApiTokensPage />) },
  { path: 'audit', element: lazyPage(<AuditPage />) },
  { path: 'outbox', element: lazyPage(<OutboxPage />) },
  { path: 'members', element: lazyPage(<MembersPage />) },
  { path: 'members/new', element: lazyPage(<NewMemberPage />) },
  { path: 'members/import', element: lazyPage(<ImportPage />) },
  { path: 'members/:id', element: lazyPage(<MemberPage />) },
  { path: 'membership', element: lazyPage(<MembershipDashboardPage />) },
  { path: 'membership/settings', element: lazyPage(<MembershipSettingsPage />) },
  { path: 'forms', element: lazyPage(<FormsPage />) },
  { path: 'forms/:id', element: lazyPage(<FormBuilderPage />) },
  { path: 'consultations', element: lazyPage(<ConsultationsPage />) },
  { path: 'consultations/:id', element: lazyPage(<ConsultationPage />) },
  { path: 'advocacy', element: lazyPage(<AdvocacyPage />) },
  { path: 'advocacy/:id', element: lazyPage(<AdvocacyIssuePage />) },
  { path: 'decision-makers', element: lazyPage(<DecisionMakersPage />) },
  { path: 'decision-makers/:id', element: lazyPage(<DecisionMakerPage />) },
  { path: 'people-reached', element: lazyPage(<PeopleReachedPage />) },
  { path: 'people-reached/new', element: lazyPage(<PersonReachedFormPage />) },
  { path: 'people-reached/:id', element: lazyPage(<PersonReachedPage />) },
  { path: 'people-reached/:id/edit', element: lazyPage(<PersonReachedFormPage />) },
  { path: 'events', element: lazyPage(<EventsPage />) },
  { path: 'events/new', element: lazyPage(<EventFormPage />) },
  { path: 'events/:id', element: lazyPage(<EventPage />) },
  { path: 'events/:id/edit', element: lazyPage(<EventFormPage />) },
  { path: 'events/:id/check-in', element: lazyPage(<CheckInPage />) },
  { path: 'events/:id/b2b', element: lazyPage(<B2bPage />) },
  { path: 'events/:id/b2b/:registrationId', element: lazyPage(<B2bParticipantPage />) },
  { path: 'training', element: lazyPage(<CoursesPage />) },
  { path: 'training/new', element: lazyPage(<CourseFormPage />) },
  { path: 'training/lineage', element: lazyPage(<LineagePage />) },
  { path: 'training/signing-keys', element: lazyPage(<SigningKeysPage />) },
  { path: 'training/capacity', element: lazyPage(<CapacityPage />) },
  { path: 'training/capacity/:id', element: lazyPage(<CapacityAssessmentPage />) },
  { path: 'training/:id', element: lazyPage(<CoursePage />) },
  { path: 'training/:id/edit', element: lazyPage(<CourseFormPage />) },
  { path: 'led', element: lazyPage(<LedRegionsPage />) },
  { path: 'led/new', element: lazyPage(<LedRegionFormPage />) },
  { path: 'led/compare', element: lazyPage(<LedComparePage />) },
  { path: 'led/rollup', element: lazyPage(<LedRollupPage />) },
  { path: 'led/rollup/measures', element: lazyPage(<RollupMeasuresPage />) },
  { path: 'led/rollup/people', element: lazyPage(<RollupPeoplePage />) },
  { path: 'led/measures/:id', element: lazyPage(<MeasurePage />) },
  { path: 'led/calls', element: lazyPage(<LedCallsPage />) },
  { path: 'led/calls/new', element: lazyPage(<LedCallFormPage />) },
  { path: 'led/calls/:id', element: lazyPage(<LedCallPage />) },
  { path: 'led/calls/:id/edit', element: lazyPage(<LedCallFormPage />) },
  { path: 'led/calls/:id/applications/new', element: lazyPage(<ApplicationFormPage />) },
  { path: 'led/calls/:id/applications/:applicationId', element: lazyPage(<ApplicationFormPage />) },
  { path: 'led/calls/:id/rating', element: lazyPage(<CallRatingPage />) },
  { path: 'led/calls/:id/selections/:runId', element: lazyPage(<SelectionRunPage />) },
  { path: 'led/interviews/:id', element: lazyPage(<InterviewPage />) },
  { path: 'led/:id/bottlenecks/:bottleneckId', element: lazyPage(<BottleneckPage />) },
  { path: 'led/:id', element: lazyPage(<LedRegionPage />) },
  { path: 'led/:id/edit', element: lazyPage(<LedRegionFormPage />) },
  { path: 'networking', element: lazyPage(<DirectoryPage />) },
  { path: 'networking/firms/:id', element: lazyPage(<FirmProfilePage />) },
  { path: 'networking/offers', element: lazyPage(<NetworkingOffersPage />) },
  { path: 'networking/offers/:id', element: lazyPage(<NetworkingOfferPage />) },
  { path: 'networking/introductions', element: lazyPage(<IntroductionsPage />) },
  { path: 'networking/settings', element: lazyPage(<NetworkingSettingsPage />) },
  { path: 'networking/my-profile', element: lazyPage(<MyNetworkingProfilePage />) },
  { path: 'networking/my-offers', element: lazyPage(<MyOffersPage />) },
  { path: 'networking/market', element: lazyPage(<MarketPage />) },
  { path: 'networking/products', element: lazyPage(<ShowcasePage />) },
  { path: 'networking/my-products', element: lazyPage(<MyProductsPage />) },
  { path: 'networking/info', element: lazyPage(<InfoServicePage />) },
  { path: 'networking/my-info', element: lazyPage(<MyInfoPage />) },
  { path: 'dialogue', element: lazyPage(<DialoguePage />) },
  { path: 'dialogue/forums/:id', element: lazyPage(<ForumPage />) },
  { path: 'dialogue/meetings/:id', element: lazyPage(<MeetingPage />) },
  { path: 'results', element: lazyPage(<ResultsPage />) },
  { path: 'results/dashboard', element: lazyPage(<ResultsDashboardPage />) },
  { path: 'results/periods/:id', element: lazyPage(<PeriodPage />) },
  { path: 'donor', element: lazyPage(<DonorDashboardPage />) },
  { path: 'results/:id', element: lazyPage(<FrameworkPage />) },
  { path: '*', element: <Navigate to="/" replace /> },
];
