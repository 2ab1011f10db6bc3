import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { AuthProvider } from './auth/AuthProvider';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './components/AppLayout';
import { LocaleProvider } from './i18n/LocaleProvider';
import { BrowsePage } from './pages/BrowsePage';
import { DealPage } from './pages/DealPage';
import { DealsPage } from './pages/DealsPage';
import { HomePage } from './pages/HomePage';
import { InterestsPage } from './pages/InterestsPage';
import { MyListingsPage } from './pages/MyListingsPage';
import { NeedFormPage } from './pages/NeedFormPage';
import { NeedPage } from './pages/NeedPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { OutputFormPage } from './pages/OutputFormPage';
import { OutputPage } from './pages/OutputPage';
import { ProfilePage } from './pages/ProfilePage';
import { ReviewApplicationsPage } from './pages/ReviewApplicationsPage';
import { ReviewListingsPage } from './pages/ReviewListingsPage';
import { FailedTasksPage } from './pages/FailedTasksPage';
import { ReviewOrgsPage } from './pages/ReviewOrgsPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';

// Screens with charts load ECharts on demand, keeping it out of the first download.
const MatchesPage = lazy(() => import('./pages/MatchesPage').then((m) => ({ default: m.MatchesPage })));
const StatsPage = lazy(() => import('./pages/StatsPage').then((m) => ({ default: m.StatsPage })));
const SuggestionsPage = lazy(() => import('./pages/SuggestionsPage').then((m) => ({ default: m.SuggestionsPage })));

export function AppRoutes() {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 64 }} />}>
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="outputs" element={<BrowsePage key="outputs" kind="outputs" />} />
        <Route path="outputs/:id" element={<OutputPage />} />
        <Route path="needs" element={<BrowsePage key="needs" kind="needs" />} />
        <Route path="needs/:id" element={<NeedPage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="profile" element={<RequireAuth><ProfilePage /></RequireAuth>} />
        <Route path="mine" element={<RequireAuth><MyListingsPage /></RequireAuth>} />
        <Route path="mine/:tab" element={<RequireAuth><MyListingsPage /></RequireAuth>} />
        <Route path="mine/outputs/new" element={<RequireAuth><OutputFormPage /></RequireAuth>} />
        <Route path="mine/outputs/:id/edit" element={<RequireAuth><OutputFormPage /></RequireAuth>} />
        <Route path="mine/needs/new" element={<RequireAuth><NeedFormPage /></RequireAuth>} />
        <Route path="mine/needs/:id/edit" element={<RequireAuth><NeedFormPage /></RequireAuth>} />
        <Route path="mine/:kind/:id/matches" element={<RequireAuth><MatchesPage /></RequireAuth>} />
        <Route path="interests" element={<RequireAuth><InterestsPage /></RequireAuth>} />
        <Route path="deals" element={<RequireAuth><DealsPage /></RequireAuth>} />
        <Route path="deals/:id" element={<RequireAuth><DealPage /></RequireAuth>} />
        <Route path="notifications" element={<RequireAuth><NotificationsPage /></RequireAuth>} />
        <Route path="review/organisations" element={<RequireAuth staff><ReviewOrgsPage /></RequireAuth>} />
        <Route path="review/applications" element={<RequireAuth staff><ReviewApplicationsPage /></RequireAuth>} />
        <Route path="stats" element={<RequireAuth staff><StatsPage /></RequireAuth>} />
        <Route path="suggestions" element={<RequireAuth><SuggestionsPage /></RequireAuth>} />
        <Route path="review/listings" element={<RequireAuth staff><ReviewListingsPage /></RequireAuth>} />
        <Route path="admin/failed-tasks" element={<RequireAuth staff><FailedTasksPage /></RequireAuth>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
    </Suspense>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <AuthProvider>
        <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </LocaleProvider>
  );
}
